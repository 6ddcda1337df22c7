package org.attain.plan;

import java.util.List;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;

/**
 * A version's effective date was refused (inside or before a closed period, or before the version in
 * force now): the API answers 400 naming {@code effectiveFrom}; pages show {@code code} with {@code args}.
 */
public final class EffectiveDateRefused extends InvalidInputException {

    private final String code;
    private final List<String> args;

    EffectiveDateRefused(String code, String reason, List<String> args) {
        super(new FieldProblem("effectiveFrom", code, reason));
        this.code = code;
        this.args = List.copyOf(args);
    }

    public String code() {
        return code;
    }

    public List<String> args() {
        return args;
    }
}
