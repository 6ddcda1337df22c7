package org.attain.payout;

import java.time.LocalDate;

/** Published when a payout is approved: that exact result version is now the statement to pay. */
public record PayoutApproved(long personId, String periodId, long resultId, LocalDate approvedOn) {}
