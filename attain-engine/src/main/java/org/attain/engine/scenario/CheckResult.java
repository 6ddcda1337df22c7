package org.attain.engine.scenario;

/** A check with the value the engine produced; {@code explanation} is the trace shown when it fails. */
public record CheckResult(Check check, String actual, boolean ok, String explanation) {}
