package org.attain.calc;

/** What a run covers; stored by name in {@code calc_run.kind}. */
public enum RunKind {
    /** Everyone on a plan, over the chosen periods: the only kind that records which periods were calculated. */
    FULL,
    /** A few payees (those a change names), over the chosen periods. */
    INCREMENTAL
}
