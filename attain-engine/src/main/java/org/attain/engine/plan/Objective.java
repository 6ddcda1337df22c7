package org.attain.engine.plan;

import java.math.BigDecimal;

/** One MBO/KPI objective: its weight in the component and the highest score that still counts. */
public record Objective(String kpi, BigDecimal weight, BigDecimal maxScore) implements java.io.Serializable {}
