package org.attain.engine.cel;

import java.util.List;

/**
 * A CEL compile error at a 1-based line and column inside the expression text. {@code message} is the
 * English reason; {@code code} names the message an application shows in the user's language, with
 * {@code args} filled in.
 */
public record ExpressionError(int line, int column, String message, String code, List<String> args) {

    public ExpressionError {
        args = List.copyOf(args);
    }

    /** An error CEL itself reported; its text is CEL's (English only). */
    static ExpressionError cel(int line, int column, String celMessage) {
        return new ExpressionError(line, column, "CEL: " + celMessage, "plan.cel.error", List.of(celMessage));
    }

    static ExpressionError notBoolean(String type) {
        return new ExpressionError(
                1, 1, "a condition must be true or false, not " + type, "plan.cel.notBoolean", List.of(type));
    }

    ExpressionError at(int newLine, int newColumn) {
        return new ExpressionError(newLine, newColumn, message, code, args);
    }
}
