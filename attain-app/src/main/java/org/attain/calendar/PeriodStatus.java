package org.attain.calendar;

/** Open periods can be recalculated; closed ones are frozen and corrections go to the next open one. */
public enum PeriodStatus {
    OPEN,
    CLOSED
}
