package org.attain.org;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Locale;

/**
 * How a caller names a person: the internal id, the employee id ({@code person.external_id}) or the
 * e-mail address. {@code id:42}, {@code employee:E123} and {@code email:ann@example.com} say which;
 * a plain value is looked up as all three and must name one person ({@link PersonRefs}). A JSON number
 * is the internal id, as the API always took it, so existing callers keep working.
 */
@Schema(
        type = "string",
        description = "A person: internal id, employee id or e-mail; id:, employee: or email: say which",
        example = "P00036")
public record PersonRef(Kind kind, String value) {

    public enum Kind {
        ID,
        EMPLOYEE,
        EMAIL,
        ANY
    }

    public PersonRef {
        if (kind == null || value == null || value.isBlank()) {
            throw new IllegalArgumentException("a person needs an id, employee id or e-mail");
        }
        value = value.strip();
        if (kind == Kind.ID && !value.matches("[0-9]{1,18}")) {
            throw new IllegalArgumentException("'" + value + "' is not an id (a whole number)");
        }
    }

    public static PersonRef id(long id) {
        return new PersonRef(Kind.ID, Long.toString(id));
    }

    /** Spring converts path variables and request parameters with this. */
    public static PersonRef valueOf(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a person needs an id, employee id or e-mail");
        }
        String t = text.strip();
        int colon = t.indexOf(':');
        if (colon > 0) {
            String prefix = t.substring(0, colon).toLowerCase(Locale.ROOT);
            String rest = t.substring(colon + 1);
            switch (prefix) {
                case "id" -> {
                    return new PersonRef(Kind.ID, rest);
                }
                case "employee" -> {
                    return new PersonRef(Kind.EMPLOYEE, rest);
                }
                case "email" -> {
                    return new PersonRef(Kind.EMAIL, rest);
                }
                default -> {
                    // An employee id may itself hold a colon ("EU:123"): then it is a plain value.
                }
            }
        }
        return new PersonRef(Kind.ANY, t);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static PersonRef fromJson(Object json) {
        if (json instanceof Number n) {
            if (n.doubleValue() != Math.rint(n.doubleValue()) || n.longValue() < 0) {
                throw new IllegalArgumentException("'" + n + "' is not an id (a whole number)");
            }
            return id(n.longValue());
        }
        if (json instanceof String s) {
            return valueOf(s);
        }
        throw new IllegalArgumentException("a person is an id (number), an employee id or an e-mail (text)");
    }

    /** Internal id when the caller said so; null for every other form. */
    public Long explicitId() {
        return kind == Kind.ID ? Long.valueOf(value) : null;
    }

    @JsonValue
    @Override
    public String toString() {
        return switch (kind) {
            case ID -> "id:" + value;
            case EMPLOYEE -> "employee:" + value;
            case EMAIL -> "email:" + value;
            case ANY -> value;
        };
    }

    /** The value as the caller wrote it, for messages. */
    public String shown() {
        return kind == Kind.ANY || kind == Kind.ID ? value : toString();
    }
}
