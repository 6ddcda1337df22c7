package org.attain.payout;

/** Published when someone questions a statement line; integrations forward it to subscribers. */
public record DisputeOpened(long disputeId, long personId, String periodId, Integer lineNo) {}
