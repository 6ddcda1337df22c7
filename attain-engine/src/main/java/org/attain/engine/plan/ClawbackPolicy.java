package org.attain.engine.plan;

import java.math.BigDecimal;

/** A deal cancelled within {@code windowDays} of its close date gives back {@code share} of what it earned. */
public record ClawbackPolicy(int windowDays, BigDecimal share) implements java.io.Serializable {}
