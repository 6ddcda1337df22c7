package org.attain.territory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Collects the problems of one write; {@link #throwIfAny} refuses it with all of them. */
final class TerritoryChecks {

    static final LocalDate OPEN = LocalDate.of(9999, 12, 31);

    private final List<TerritoryRefused.Problem> problems = new ArrayList<>();

    void add(String field, String code, String reason, Object... args) {
        problems.add(new TerritoryRefused.Problem(
                field,
                code,
                Arrays.stream(args).map(a -> (Object) Objects.toString(a, "–")).toList(),
                reason));
    }

    boolean any() {
        return !problems.isEmpty();
    }

    void required(String field, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            add(field, "territory.problem.required", "is required");
        }
    }

    /** validUntil, when given, must lie after validFrom (ranges are half-open). */
    void dates(LocalDate from, LocalDate until) {
        required("validFrom", from);
        if (from != null && until != null && !until.isAfter(from)) {
            add(
                    "validUntil",
                    "territory.problem.datesReversed",
                    "valid until " + until + " must be after valid from " + from,
                    until,
                    from);
        }
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new TerritoryRefused(problems);
        }
    }

    static LocalDate end(LocalDate until) {
        return until == null ? OPEN : until;
    }

    /** [from, until) lies inside [outerFrom, outerUntil). */
    static boolean covers(LocalDate outerFrom, LocalDate outerUntil, LocalDate from, LocalDate until) {
        return !from.isBefore(outerFrom) && !end(until).isAfter(end(outerUntil));
    }
}
