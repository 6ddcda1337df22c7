package org.attain.plan;

import java.util.List;

/** A plan document that does not compile; each problem has line, column and reason. */
public class PlanRejectedException extends RuntimeException {

    private final List<Plans.Problem> problems;

    public PlanRejectedException(List<Plans.Problem> problems) {
        super(problems.size() + " problem(s) in the plan: "
                + problems.stream()
                        .map(p -> "line " + p.line() + ", column " + p.column() + ": " + p.reason())
                        .reduce((a, b) -> a + "; " + b)
                        .orElse(""));
        this.problems = List.copyOf(problems);
    }

    public List<Plans.Problem> problems() {
        return problems;
    }
}
