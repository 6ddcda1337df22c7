package org.attain.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DemoLoginsTest {

    private final DemoCompany company = DemoFixtures.defaultCompany();
    private final DemoLogins logins = company.logins();

    @Test
    void theDemoRepReportsToTheDemoManagerOnTheAsOfDateAndAlwaysDid() {
        var lines = DemoFixtures.linesOf(company, logins.demoRep());

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).managerId()).isEqualTo(logins.demoManager());
        assertThat(lines.get(0).coversDay(DemoFixtures.AS_OF)).isTrue();
        assertThat(DemoFixtures.person(company, logins.demoRep())
                        .employedOn(company.parameters().historyStart()))
                .isTrue();
    }

    @Test
    void theDemoManagerLeadsSeveralReps() {
        LocalDate asOf = DemoFixtures.AS_OF;
        long reps = company.reportingLines().stream()
                .filter(l -> l.managerId().equals(logins.demoManager()) && l.coversDay(asOf))
                .filter(l -> DemoFixtures.person(company, l.personId()).roleType() == RoleType.REP)
                .count();

        assertThat(DemoFixtures.person(company, logins.demoManager()).roleType())
                .isEqualTo(RoleType.MANAGER);
        assertThat(reps).isGreaterThanOrEqualTo(4);
    }

    @Test
    void theDemoRepHasWonDealsToShow() {
        long won = DemoFixtures.transactions(company).stream()
                .filter(t -> t.ownerId().equals(logins.demoRep()) && t.kind() == TransactionKind.DEAL)
                .count();

        assertThat(won).isGreaterThanOrEqualTo(10);
    }

    @Test
    void adminCompAdminAndFinanceLoginsAreAdminStaff() {
        for (String id : new String[] {logins.demoAdmin(), logins.demoCompAdmin(), logins.demoFinance()}) {
            assertThat(DemoFixtures.person(company, id).roleType()).isEqualTo(RoleType.ADMIN);
        }
        assertThat(DemoFixtures.person(company, logins.demoCompAdmin()).title()).contains("Compensation");
        assertThat(DemoFixtures.person(company, logins.demoFinance()).title()).contains("Finance");
    }
}
