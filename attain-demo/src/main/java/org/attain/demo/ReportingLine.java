package org.attain.demo;

import java.time.LocalDate;

/**
 * "person reports to manager" over the half-open range [validFrom, validUntil); maps to table
 * {@code reporting_line}. {@code validUntil} is null for a line still in force; for a leaver it is
 * the day after the last day employed.
 */
public record ReportingLine(String personId, String managerId, LocalDate validFrom, LocalDate validUntil) {

    public boolean coversDay(LocalDate day) {
        return !day.isBefore(validFrom) && (validUntil == null || day.isBefore(validUntil));
    }
}
