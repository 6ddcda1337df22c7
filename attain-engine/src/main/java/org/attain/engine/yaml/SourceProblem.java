package org.attain.engine.yaml;

import java.util.Objects;

/** Why a source document is wrong and where: "plan.yaml:12:9: unknown key 'rat' (did you mean 'rate'?)". */
public record SourceProblem(SourceLocation location, String reason) {

    public SourceProblem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(reason, "reason");
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

    @Override
    public String toString() {
        return location + ": " + reason;
    }
}
