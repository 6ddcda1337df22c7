package org.attain.engine.calc;

/** One step of an explanation, e.g. ("attainment", "130000.00 / 100000.00 = 1.3000"). */
public record TraceStep(String step, String detail) {}
