package org.attain.engine.yaml;

import java.util.List;
import java.util.Objects;

/**
 * Why a source document is wrong and where: "plan.yaml:12:9: unknown key 'rat' (did you mean 'rate'?)".
 * {@code reason} is English; {@code code} (nullable) names the message an application shows instead, in
 * the user's language, with {@code args} filled in. Problems without a code are shown as their reason.
 */
public record SourceProblem(SourceLocation location, String reason, String code, List<String> args) {

    public SourceProblem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(reason, "reason");
        args = List.copyOf(args == null ? List.of() : args);
    }

    public SourceProblem(SourceLocation location, String reason) {
        this(location, reason, null, List.of());
    }

    public String source() {
        return location.source();
    }

    public int line() {
        return location.line();
    }

    public int column() {
        return location.column();
    }

    /** The same problem at another place, e.g. moved from an expression into the file that holds it. */
    public SourceProblem at(SourceLocation elsewhere) {
        return new SourceProblem(elsewhere, reason, code, args);
    }

    @Override
    public String toString() {
        return location + ": " + reason;
    }
}
