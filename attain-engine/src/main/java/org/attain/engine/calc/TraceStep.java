package org.attain.engine.calc;

import java.util.List;

/**
 * One step of an explanation, e.g. ("attainment", "130000.00 / 100000.00 = 1.3000"). {@code detail} is
 * English; {@code code} (nullable) names the message an application shows instead, in the user's language,
 * with {@code args} filled in (as {@link org.attain.engine.yaml.SourceProblem} does for plan errors). Steps
 * without a code are shown as their detail.
 */
public record TraceStep(String step, String detail, String code, List<String> args) implements java.io.Serializable {

    public TraceStep {
        args = List.copyOf(args == null ? List.of() : args);
    }

    public TraceStep(String step, String detail) {
        this(step, detail, null, List.of());
    }
}
