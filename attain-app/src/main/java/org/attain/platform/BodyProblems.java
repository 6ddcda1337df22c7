package org.attain.platform;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * What is wrong with a request body that could not be read, as a field and a reason a caller can act on: the
 * JSON path ({@code records[2].amount}) or {@code body}, and the reason in words (not JSON at line 1, column 7;
 * expected a number; nested too deeply). Never the program's class names, which Jackson's own messages carry.
 */
final class BodyProblems {

    record FieldReason(String field, String reason) {}

    private BodyProblems() {}

    static FieldReason of(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause == null) {
            String message = ex.getMessage() == null ? "" : ex.getMessage();
            return new FieldReason(
                    "body",
                    message.startsWith("Required request body is missing")
                            ? "a request body is required"
                            : "the request body cannot be read");
        }
        if (cause instanceof StreamConstraintsException c) {
            return new FieldReason("body", "the request body is too large or nested too deeply: " + limit(c));
        }
        if (cause instanceof StreamReadException e) {
            return new FieldReason("body", "the request body is not valid JSON" + at(e.getLocation()));
        }
        if (cause instanceof JacksonException e) {
            String field = path(e);
            return new FieldReason(field.isEmpty() ? "body" : field, reason(e));
        }
        return new FieldReason("body", "the request body cannot be read");
    }

    private static String reason(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        if (e instanceof InvalidNullException) {
            return "must not be null";
        }
        if (e instanceof InvalidFormatException f) {
            return "'" + preview(String.valueOf(f.getValue())) + "' is not " + expected(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m) {
            return m.getTargetType() == null
                    ? "has the wrong type" + at(e.getLocation())
                    : "expected " + expected(m.getTargetType());
        }
        if (e instanceof ValueInstantiationException v
                && v.getCause() instanceof IllegalArgumentException bad
                && bad.getMessage() != null) {
            return preview(bad.getMessage());
        }
        return "is not valid here" + at(e.getLocation());
    }

    /** The JSON path of the value that failed, as a caller writes it: records[2].amount. */
    static String path(JacksonException e) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type)
                || type.isPrimitive()
                || type == BigDecimal.class
                || type == BigInteger.class) {
            return "a number";
        }
        if (Temporal.class.isAssignableFrom(type) || type == java.time.YearMonth.class) {
            return "a date or time in ISO form (e.g. 2026-12-05)";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a " + type.getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static String limit(StreamConstraintsException e) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        int cut = m.indexOf(" (");
        return cut > 0 ? m.substring(0, cut) : m;
    }

    private static String at(TokenStreamLocation location) {
        return location == null || location.getLineNr() < 1
                ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String preview(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "…" : s;
    }
}
