package org.attain.engine.plan;

/** What happens when a period nets below zero: never a negative payment, so carry it or write it off. */
public enum NegativeBalance {
    CARRY_FORWARD,
    WRITE_OFF
}
