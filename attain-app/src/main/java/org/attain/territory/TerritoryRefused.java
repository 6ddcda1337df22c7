package org.attain.territory;

import java.util.List;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;

/**
 * A territory, rule or member refused with every reason found: each problem names its field, a message key with
 * its arguments for pages (English and German) and the English reason the API answers with. Nothing was saved.
 */
public class TerritoryRefused extends InvalidInputException {

    /** One reason: field, message key, arguments of the key and the English text. */
    public record Problem(String field, String code, List<Object> args, String reason) {

        public Problem {
            args = List.copyOf(args);
        }
    }

    private final transient List<Problem> reasons;

    public TerritoryRefused(List<Problem> reasons) {
        super(reasons.stream()
                .map(p -> new FieldProblem(p.field(), p.code(), p.reason()))
                .toList());
        this.reasons = List.copyOf(reasons);
    }

    public List<Problem> reasons() {
        return reasons;
    }
}
