package org.attain.calendar;

/** The grain of a period. */
public enum PeriodKind {
    MONTH,
    QUARTER,
    YEAR
}
