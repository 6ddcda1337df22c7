package org.attain.planning.capacity;

import java.util.List;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;

/** One thing wrong with capacity input: the field, a message key with its arguments for pages, the English reason for the API. */
public record CapacityProblem(String field, String code, String reason, Object... args) {

    public FieldProblem asFieldProblem() {
        return new FieldProblem(field, code, reason);
    }

    /** Refused input: nothing of it was saved. Pages translate {@link #problems}, the API answers their reasons. */
    public static final class Refused extends InvalidInputException {
        private final transient List<CapacityProblem> problems;

        public Refused(List<CapacityProblem> problems) {
            super(problems.stream().map(CapacityProblem::asFieldProblem).toList());
            this.problems = List.copyOf(problems);
        }

        public List<CapacityProblem> capacityProblems() {
            return problems;
        }
    }
}
