package org.attain.engine.plan;

import java.util.List;
import java.util.stream.Collectors;
import org.attain.engine.yaml.SourceProblem;

/** A plan that does not compile, carrying every problem with its location. */
public final class PlanException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<SourceProblem> problems;

    public PlanException(List<SourceProblem> problems) {
        super(problems.stream().map(SourceProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<SourceProblem> problems() {
        return problems;
    }
}
