package org.attain.pulse;

import java.util.ArrayList;
import java.util.List;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;

/**
 * A survey or an answer refused, each problem with its message key and arguments (pages and the API in the
 * user's language) next to the English reason. Nothing was stored.
 */
public final class SurveyRefused extends InvalidInputException {

    /** One problem: the field, the message key and its arguments, the English reason. */
    public record Problem(String field, String code, List<Object> args, String reason) {}

    private final transient List<Problem> details;

    SurveyRefused(List<Problem> problems) {
        super(problems.stream()
                .map(p -> new FieldProblem(p.field(), p.code(), p.reason()))
                .toList());
        this.details = List.copyOf(problems);
    }

    static SurveyRefused of(String field, String code, String reason, Object... args) {
        return new SurveyRefused(List.of(new Problem(field, code, List.of(args), reason)));
    }

    public List<Problem> details() {
        return details;
    }

    /** Problems gathered before refusing all at once. */
    static final class Collector {
        private final List<Problem> problems = new ArrayList<>();

        void add(String field, String code, String reason, Object... args) {
            problems.add(new Problem(field, code, List.of(args), reason));
        }

        void throwIfAny() {
            if (!problems.isEmpty()) {
                throw new SurveyRefused(problems);
            }
        }
    }
}
