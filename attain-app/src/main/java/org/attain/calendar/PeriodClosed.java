package org.attain.calendar;

import java.time.Instant;
import java.time.LocalDate;

/** Published when a period is closed (locked); listeners act after the closing transaction commits. */
public record PeriodClosed(
        String periodId, PeriodKind kind, LocalDate startsOn, LocalDate endsOn, Instant closedAt, String closedBy) {}
