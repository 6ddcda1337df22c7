package org.attain.payout;

import java.util.Set;

/** Where a dispute is in its workflow: open, in review, then resolved or rejected. */
public enum DisputeStatus {
    OPEN,
    IN_REVIEW,
    RESOLVED,
    REJECTED;

    public boolean closed() {
        return this == RESOLVED || this == REJECTED;
    }

    /** The states a dispute may move to from this one. */
    public Set<DisputeStatus> next() {
        return switch (this) {
            case OPEN -> Set.of(IN_REVIEW, RESOLVED, REJECTED);
            case IN_REVIEW -> Set.of(RESOLVED, REJECTED);
            case RESOLVED, REJECTED -> Set.of();
        };
    }
}
