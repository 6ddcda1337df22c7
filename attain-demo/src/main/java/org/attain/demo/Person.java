package org.attain.demo;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A person; maps to table {@code person}. {@code teamCode} is the team on the as-of date (or
 * the last team of a leaver); the history is in reporting lines and team memberships.
 *
 * @param employmentEnd last day employed (inclusive), null while employed
 * @param teamCode      null for people who lead or support the whole company (CRO, admins)
 */
public record Person(
        String externalId,
        String firstName,
        String lastName,
        String email,
        String title,
        RoleType roleType,
        String regionCode,
        String teamCode,
        LocalDate employmentStart,
        LocalDate employmentEnd,
        String currency) {

    public Optional<LocalDate> employmentEndDate() {
        return Optional.ofNullable(employmentEnd);
    }

    public String displayName() {
        return firstName + " " + lastName;
    }

    /** True when employed on that day. */
    public boolean employedOn(LocalDate day) {
        return !day.isBefore(employmentStart) && (employmentEnd == null || !day.isAfter(employmentEnd));
    }
}
