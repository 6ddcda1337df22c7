package org.attain.engine.plan;

import java.util.List;
import java.util.Optional;
import org.attain.engine.yaml.SourceProblem;

/** The outcome of compiling a plan: the plan, or every problem found (never both). */
public record PlanCompilation(Optional<CompiledPlan> plan, List<SourceProblem> problems)
        implements java.io.Serializable {

    public PlanCompilation {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return plan.isPresent();
    }

    /** The plan, or an exception listing every problem; for callers that cannot go on without it. */
    public CompiledPlan orThrow() {
        return plan.orElseThrow(() -> new PlanException(problems));
    }
}
