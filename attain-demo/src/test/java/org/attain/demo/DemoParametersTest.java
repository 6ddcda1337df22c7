package org.attain.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DemoParametersTest {

    private final DemoParameters defaults = DemoParameters.defaults(DemoFixtures.AS_OF);

    @Test
    void defaultsAre250PeopleAndTwoYearsOfSimulatedHistory() {
        assertThat(defaults.people()).isEqualTo(250);
        assertThat(defaults.benchmarkMode()).isFalse();
        assertThat(defaults.historyStart()).isEqualTo("2023-06-01");
    }

    @Test
    void peopleMustBeBetween10And100000() {
        assertThatThrownBy(() -> defaults.withPeople(9)).hasMessage("people must be between 10 and 100000, was 9");
        assertThatThrownBy(() -> defaults.withPeople(100_001))
                .hasMessage("people must be between 10 and 100000, was 100001");
    }

    @Test
    void transactionsMustBeBetween0And50Million() {
        assertThatThrownBy(() -> defaults.withTransactions(-1))
                .hasMessage("transactions must be between 0 and 50000000, was -1");
        assertThatThrownBy(() -> defaults.withTransactions(50_000_001))
                .hasMessageStartingWith("transactions must be between 0 and 50000000");
    }

    @Test
    void theHistoryMustStartWellBeforeTheAsOfDate() {
        assertThatThrownBy(() -> defaults.withHistoryStart(DemoFixtures.AS_OF.minusDays(10)))
                .hasMessageContaining("history start must be at least 90 days before the as-of date");
    }

    @Test
    void theSmallestAndMidSizedCompaniesGenerateConsistently() {
        for (int people : new int[] {10, 30, 59, 61, 2_500}) {
            DemoCompany company = DemoGenerator.generate(defaults.withPeople(people));
            assertThat(company.people()).as("people for %d", people).hasSize(people);
            assertThat(company.people())
                    .extracting(Person::externalId)
                    .contains(company.logins().demoRep());
            long[] deals = {0};
            company.forEachTransaction(t -> deals[0]++);
            assertThat(deals[0]).as("deals for %d", people).isPositive();
        }
    }
}
