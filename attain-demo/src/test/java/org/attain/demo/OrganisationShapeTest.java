package org.attain.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OrganisationShapeTest {

    private final DemoCompany company = DemoFixtures.defaultCompany();

    @Test
    void theDefaultCompanyHas250PeopleInFourRegionsWithEveryRole() {
        assertThat(company.people()).hasSize(250);
        assertThat(company.regions()).extracting(Region::code).containsExactly("NA", "DACH", "UKI", "ANZ");
        Map<RoleType, Long> byRole =
                company.people().stream().collect(Collectors.groupingBy(Person::roleType, Collectors.counting()));
        assertThat(byRole).containsOnlyKeys(RoleType.values());
        assertThat(byRole.get(RoleType.REP)).isBetween(120L, 190L);
        assertThat(byRole.get(RoleType.ADMIN)).isBetween(3L, 12L);
    }

    @Test
    void emailsAndExternalIdsAreUnique() {
        assertThat(company.people()).extracting(Person::email).doesNotHaveDuplicates();
        assertThat(company.people()).extracting(Person::externalId).doesNotHaveDuplicates();
        assertThat(company.accounts()).extracting(Account::externalId).doesNotHaveDuplicates();
    }

    @Test
    void theHistoryHasHiresAndLeavers() {
        long hires = company.people().stream()
                .filter(p -> p.employmentStart().isAfter(company.parameters().historyStart()))
                .count();
        long leavers =
                company.people().stream().filter(p -> p.employmentEnd() != null).count();

        assertThat(hires).isGreaterThanOrEqualTo(10);
        assertThat(leavers).isGreaterThanOrEqualTo(5);
    }

    @Test
    void reportingLinesReferenceExistingPeopleAndNeverOverlap() {
        Map<String, Person> people =
                company.people().stream().collect(Collectors.toMap(Person::externalId, Function.identity()));
        for (ReportingLine line : company.reportingLines()) {
            assertThat(people).containsKeys(line.personId(), line.managerId());
            assertThat(line.validUntil() == null || line.validUntil().isAfter(line.validFrom()))
                    .isTrue();
        }
        Map<String, java.util.List<ReportingLine>> byPerson =
                company.reportingLines().stream().collect(Collectors.groupingBy(ReportingLine::personId));
        byPerson.values().forEach(lines -> {
            for (int i = 1; i < lines.size(); i++) {
                assertThat(lines.get(i).validFrom()).isEqualTo(lines.get(i - 1).validUntil());
            }
        });
    }

    @Test
    void exactlyOneRepChangesManagerDuringTheHistory() {
        Map<String, Long> managersPerPerson = company.reportingLines().stream()
                .collect(Collectors.groupingBy(
                        ReportingLine::personId, Collectors.mapping(ReportingLine::managerId, Collectors.toSet())))
                .entrySet()
                .stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, e -> (long) e.getValue().size()));

        assertThat(managersPerPerson.values().stream().filter(n -> n > 1).count())
                .isEqualTo(1);
        String moved = managersPerPerson.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
        assertThat(DemoFixtures.person(company, moved).roleType()).isEqualTo(RoleType.REP);
    }
}
