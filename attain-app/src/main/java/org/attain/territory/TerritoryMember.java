package org.attain.territory;

import java.time.LocalDate;

/** A person's role in a territory over [validFrom, validUntil). */
public record TerritoryMember(
        long id,
        long territoryId,
        long personId,
        String personName,
        String employeeId,
        MemberRole role,
        LocalDate validFrom,
        LocalDate validUntil) {

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validUntil == null || day.isBefore(validUntil));
    }
}
