package org.attain.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BenchmarkModeTest {

    private final DemoParameters parameters =
            DemoParameters.defaults(DemoFixtures.AS_OF).withPeople(1_000).withTransactions(200_000);
    private final DemoCompany company = DemoGenerator.generate(parameters);

    @Test
    void generatesExactlyTheRequestedNumberOfWonDeals() {
        long[] count = {0};
        company.forEachTransaction(t -> count[0]++);

        assertThat(count[0]).isEqualTo(200_000);
    }

    @Test
    void everyDealBelongsToARepEmployedOnADayInsideTheHistory() {
        Map<String, Person> people =
                company.people().stream().collect(Collectors.toMap(Person::externalId, Function.identity()));
        LocalDate start = parameters.historyStart();
        company.forEachTransaction(t -> {
            Person owner = people.get(t.ownerId());
            assertThat(owner.roleType()).isEqualTo(RoleType.REP);
            assertThat(owner.employedOn(t.closeDate())).isTrue();
            assertThat(t.closeDate()).isBetween(start, parameters.asOf());
            assertThat(t.kind()).isEqualTo(TransactionKind.DEAL);
        });
    }

    @Test
    void spreadsTheDealsOverAllReps() {
        long reps = company.people().stream()
                .filter(p -> p.roleType() == RoleType.REP)
                .count();
        Map<String, Long> perOwner = new java.util.HashMap<>();
        company.forEachTransaction(t -> perOwner.merge(t.ownerId(), 1L, Long::sum));

        assertThat((long) perOwner.size()).isEqualTo(reps);
    }

    @Test
    void producesNoPipelineOrActivities() {
        long[] rows = {0};
        company.forEachOpportunity(o -> rows[0]++);
        company.forEachActivity(a -> rows[0]++);

        assertThat(rows[0]).isZero();
    }

    @Test
    void zeroTransactionsIsAValidBenchmark() {
        long[] count = {0};
        DemoGenerator.generate(parameters.withTransactions(0)).forEachTransaction(t -> count[0]++);

        assertThat(count[0]).isZero();
    }
}
