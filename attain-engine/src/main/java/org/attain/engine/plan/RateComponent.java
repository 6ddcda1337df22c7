package org.attain.engine.plan;

import java.math.BigDecimal;

/** A flat rate on the measure: every credited amount earns {@code rate}. */
public record RateComponent(ComponentBasics basics, BigDecimal rate) implements Component, java.io.Serializable {}
