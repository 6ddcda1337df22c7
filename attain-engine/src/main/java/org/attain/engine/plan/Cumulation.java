package org.attain.engine.plan;

/** Per period, or cumulative quarter/year to date with a true-up against what earlier periods earned. */
public enum Cumulation {
    PERIOD,
    QUARTER_TO_DATE,
    YEAR_TO_DATE
}
