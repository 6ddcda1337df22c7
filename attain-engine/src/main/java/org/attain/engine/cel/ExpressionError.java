package org.attain.engine.cel;

/** A CEL compile error at a 1-based line and column inside the expression text. */
public record ExpressionError(int line, int column, String message) {
}
