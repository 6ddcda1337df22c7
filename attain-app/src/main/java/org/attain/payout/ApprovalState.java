package org.attain.payout;

/** A payee-period's payout: waiting, approved as it stands, or recalculated to other numbers since approval. */
public enum ApprovalState {
    PENDING,
    APPROVED,
    CHANGED
}
