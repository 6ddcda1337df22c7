package org.attain.calc;

/** Where a run is; stored by name in {@code calc_run.status}. */
public enum RunStatus {
    RUNNING,
    DONE,
    FAILED
}
