package org.attain.planning;

/** A quota plan's life: changed while a draft, reviewed, approved, then published as quotas. */
public enum PlanState {
    DRAFT,
    IN_REVIEW,
    APPROVED,
    PUBLISHED
}
