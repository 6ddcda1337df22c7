package org.attain.planning.capacity;

import java.time.LocalDate;

/**
 * Planned attrition: a named rep ({@code personId}) or a number of reps not named yet ({@code headcount})
 * leaving on {@code leavesOn}. {@code name} is the rep's name when read back (null for a count).
 */
public record PlannedLeaving(
        Long id, Long personId, Integer headcount, LocalDate leavesOn, String currency, String name) {}
