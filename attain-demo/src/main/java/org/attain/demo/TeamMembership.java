package org.attain.demo;

import java.time.LocalDate;

/** Membership of a person in a team over [validFrom, validUntil); maps to {@code team_membership}. */
public record TeamMembership(String teamCode, String personId, LocalDate validFrom, LocalDate validUntil) {

    public boolean coversDay(LocalDate day) {
        return !day.isBefore(validFrom) && (validUntil == null || day.isBefore(validUntil));
    }
}
