package org.attain.planning.capacity;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Planned hires: {@code headcount} people in {@code role} starting on {@code startsOn} (optionally leaving
 * on {@code endsOn}), in a team (optional) and currency, each with a full monthly quota ramped by a profile.
 */
public record PlannedHire(
        Long id,
        String role,
        LocalDate startsOn,
        LocalDate endsOn,
        Long teamId,
        String currency,
        int headcount,
        BigDecimal monthlyQuota,
        Long rampProfileId) {}
