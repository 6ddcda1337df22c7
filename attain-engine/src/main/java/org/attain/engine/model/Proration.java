package org.attain.engine.model;

/** How a quota shrinks when the payee is on plan for only part of the period. */
public enum Proration {
    /** The full quota applies however many days the payee was on plan. */
    NONE,
    /** quota x days on plan / days in period, counting calendar days. */
    BY_DAYS_ON_PLAN
}
