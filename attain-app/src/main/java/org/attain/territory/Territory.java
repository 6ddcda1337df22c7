package org.attain.territory;

import java.time.LocalDate;

/** A territory, district, region or area, in force over [validFrom, validUntil) (validUntil null: open). */
public record Territory(
        long id,
        long hierarchyId,
        String hierarchyCode,
        String code,
        String name,
        Level level,
        Long parentId,
        String parentCode,
        LocalDate validFrom,
        LocalDate validUntil) {

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validUntil == null || day.isBefore(validUntil));
    }
}
