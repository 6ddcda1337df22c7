package org.attain.engine.plan;

/**
 * What a plan does with a return or reversal linked to its deal ({@code returns:} in the plan language).
 * {@link #CLAW_BACK_ORIGINAL_COMMISSION} (the default): the period where the return is recorded takes back
 * what the original deal earned, slice by slice at the rates it earned it (a partial return in proportion),
 * and the return does not touch that period's bookings or attainment. {@link #REDUCE_ATTAINMENT}: the return
 * counts as a negative booking in the period where it is recorded (lower bookings and attainment, paid back at
 * that period's rates), and no clawback line is posted, so nothing is taken back twice.
 */
public enum ReturnPolicy {
    CLAW_BACK_ORIGINAL_COMMISSION,
    REDUCE_ATTAINMENT
}
