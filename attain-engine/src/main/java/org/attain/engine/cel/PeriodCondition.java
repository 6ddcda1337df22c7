package org.attain.engine.cel;

/** A condition on a payee's period results (attainment, quota, measures), e.g. a bonus gate. */
public sealed interface PeriodCondition extends java.io.Serializable permits ExactComparison, CelPeriodCondition {

    boolean test(PeriodFacts facts);

    String text();
}
