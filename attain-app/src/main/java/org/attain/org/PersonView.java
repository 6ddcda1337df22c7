package org.attain.org;

import java.time.LocalDate;

/** A person as pages and the API show them, with their manager and team as of a given day. */
public record PersonView(
        long id,
        String externalId,
        String firstName,
        String lastName,
        String email,
        String title,
        RoleType roleType,
        Long regionId,
        String region,
        Long teamId,
        String team,
        LocalDate employmentStart,
        LocalDate employmentEnd,
        String currency,
        Long managerId,
        String managerName) {

    public String name() {
        return firstName + " " + lastName;
    }

    public boolean activeOn(LocalDate day) {
        return !employmentStart.isAfter(day) && (employmentEnd == null || !employmentEnd.isBefore(day));
    }
}
