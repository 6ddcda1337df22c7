package org.attain.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WonDealsTest {

    private final DemoCompany company = DemoFixtures.defaultCompany();
    private final List<SalesTransaction> transactions = DemoFixtures.transactions(company);
    private final List<Opportunity> opportunities = DemoFixtures.opportunities(company);
    private final LocalDate asOf = DemoFixtures.AS_OF;

    @Test
    void twoYearsOfA250PersonCompanyGiveAFewThousandWonDeals() {
        // Many mid-sized deals a quarter (about 8 won per rep), so one deal never makes a quarter 1,000 %.
        long deals = transactions.stream()
                .filter(t -> t.kind() == TransactionKind.DEAL)
                .count();

        assertThat(deals).isBetween(6_000L, 14_000L);
    }

    @Test
    void everyWonOpportunityIsBookedOnceAndNothingClosesAfterTheAsOfDate() {
        Set<String> won = opportunities.stream()
                .filter(o -> o.stage() == Stage.CLOSED_WON)
                .map(Opportunity::externalId)
                .collect(Collectors.toSet());
        List<String> booked = transactions.stream()
                .filter(t -> t.kind() == TransactionKind.DEAL)
                .map(SalesTransaction::opportunityId)
                .toList();

        assertThat(booked).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(won);
        assertThat(transactions).allMatch(t -> !t.closeDate().isAfter(asOf));
    }

    @Test
    void openPipelineReachesIntoTheNextTwoQuarters() {
        List<Opportunity> open =
                opportunities.stream().filter(o -> !o.stage().isClosed()).toList();

        assertThat(open)
                .isNotEmpty()
                .allMatch(o -> o.closeDate().isAfter(asOf) && !o.createdOn().isAfter(asOf));
        assertThat(open).anyMatch(o -> o.closeDate().isAfter(asOf.plusMonths(4)));
        assertThat(open).extracting(Opportunity::stage).contains(Stage.PROSPECTING, Stage.NEGOTIATION);
    }

    @Test
    void splitSharesAddUpToOne() {
        List<SalesTransaction> split =
                transactions.stream().filter(t -> !t.splits().isEmpty()).toList();

        assertThat(split).hasSizeGreaterThan(20);
        for (SalesTransaction t : split) {
            BigDecimal total = t.splits().stream().map(Split::share).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(total).isEqualByComparingTo("1.00");
            assertThat(t.splits())
                    .hasSize(2)
                    .extracting(Split::personId)
                    .doesNotHaveDuplicates()
                    .contains(t.ownerId());
        }
    }

    @Test
    void aFewDealsAreCancelledOrReturnedLaterWithNegativeAmounts() {
        Map<String, SalesTransaction> byId =
                transactions.stream().collect(Collectors.toMap(SalesTransaction::externalId, Function.identity()));
        List<SalesTransaction> reversals = transactions.stream()
                .filter(t -> t.kind() != TransactionKind.DEAL)
                .toList();

        assertThat(reversals)
                .extracting(SalesTransaction::kind)
                .contains(TransactionKind.CANCELLATION, TransactionKind.RETURN);
        for (SalesTransaction reversal : reversals) {
            SalesTransaction deal = byId.get(reversal.reversesId());
            assertThat(reversal.amount().signum()).isNegative();
            assertThat(reversal.amount().abs()).isLessThanOrEqualTo(deal.amount());
            assertThat(reversal.closeDate()).isAfter(deal.closeDate());
        }
    }

    @Test
    void moreDealsCloseInTheLastMonthOfAQuarterThanInTheFirst() {
        Map<Integer, Long> byMonthOfQuarter = transactions.stream()
                .filter(t -> t.kind() == TransactionKind.DEAL)
                .collect(Collectors.groupingBy(t -> (t.closeDate().getMonthValue() - 1) % 3, Collectors.counting()));

        assertThat(byMonthOfQuarter.get(2)).isGreaterThan(byMonthOfQuarter.get(0) * 3 / 2);
    }

    @Test
    void amountsAreInTheOwnersRegionCurrencyWithTwoDecimals() {
        Map<String, Person> people =
                company.people().stream().collect(Collectors.toMap(Person::externalId, Function.identity()));
        assertThat(transactions).allSatisfy(t -> {
            assertThat(t.currency()).isEqualTo(people.get(t.ownerId()).currency());
            assertThat(t.amount().scale()).isEqualTo(2);
            assertThat(t.termMonths()).isIn(12, 24, 36);
        });
        assertThat(transactions).extracting(SalesTransaction::currency).contains("USD", "EUR", "GBP", "AUD");
    }

    @Test
    void everyDealOwnerIsARepEmployedOnTheCloseDate() {
        Map<String, Person> people =
                company.people().stream().collect(Collectors.toMap(Person::externalId, Function.identity()));
        assertThat(transactions)
                .filteredOn(t -> t.kind() == TransactionKind.DEAL)
                .allSatisfy(t -> {
                    Person owner = people.get(t.ownerId());
                    assertThat(owner.roleType()).isEqualTo(RoleType.REP);
                    assertThat(owner.employedOn(t.closeDate()))
                            .as(t.externalId())
                            .isTrue();
                });
    }
}
