package org.attain.access;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;

/**
 * Values for a handler's required query parameters, so that a call binds and reaches the handler's own
 * access check: without them Spring answers 400 before the handler runs and the matrix would learn nothing
 * about who may call it. The values only need the right type; whether they make sense is the handler's
 * business (an allowed caller's 400 counts as let in). A person or team parameter names the matrix's subject
 * or the rep's team, so that whose data it asks for is known.
 */
final class MatrixParams {

    /** Replaced per call by the person the matrix asks about (own, subtree, outside). */
    static final String SUBJECT = "{subject}";

    /** Replaced by the rep's team, which the manager leads. */
    static final String TEAM = "{team}";

    private MatrixParams() {}

    /** {@code ?a=1&b=2026-12} for the required parameters, or the empty string. */
    static String query(HandlerMethod handler, LocalDate today) {
        List<String> pairs = new ArrayList<>();
        for (MethodParameter p : handler.getMethodParameters()) {
            RequestParam param = p.getParameterAnnotation(RequestParam.class);
            if (param == null
                    || !param.required()
                    || !ValueConstants.DEFAULT_NONE.equals(param.defaultValue())
                    || Map.class.isAssignableFrom(p.getParameterType())
                    || MultipartFile.class.isAssignableFrom(p.getParameterType())) {
                continue;
            }
            String name = !param.name().isEmpty() ? param.name() : param.value();
            if (name.isEmpty()) {
                name = p.getParameterName();
            }
            pairs.add(name + "=" + value(name, p.getParameterType(), today));
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private static String value(String name, Class<?> type, LocalDate today) {
        if (type == LocalDate.class) {
            return today.toString();
        }
        if (type == YearMonth.class) {
            return YearMonth.from(today).toString();
        }
        if (type == boolean.class || type == Boolean.class) {
            return "false";
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0].toString();
        }
        if (name.equals("person") || name.equals("personId")) {
            return SUBJECT;
        }
        if (name.equals("team") || name.equals("teamId")) {
            return TEAM;
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "1";
        }
        return switch (name) {
            case "person", "personId" -> SUBJECT;
            case "team", "teamId" -> TEAM;
            case "status" -> "IN_REVIEW";
            case "currency" -> "USD";
            case "from" -> YearMonth.from(today).withMonth(1).toString();
            case "to", "period" -> YearMonth.from(today).toString();
            default -> "1";
        };
    }
}
