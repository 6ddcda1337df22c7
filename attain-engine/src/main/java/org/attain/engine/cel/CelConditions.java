package org.attain.engine.cel;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles plan conditions with typed variables: deal conditions see {@code deal}, {@code account} and
 * {@code person}; period conditions see {@code attainment}, {@code quota}, {@code measure}, {@code person}
 * and {@code period}. A reference to anything else is a compile error, reported with its position.
 * Building the CEL environments is costly, so one instance serves many compilations; it holds no
 * mutable state.
 */
public final class CelConditions {

    private static final MapType ATTRIBUTES = MapType.create(SimpleType.STRING, SimpleType.DYN);

    private final Cel dealCel;
    private final Cel periodCel;

    public CelConditions() {
        CelOptions options = CelOptions.current().enableHeterogeneousNumericComparisons(true).build();
        this.dealCel = CelFactory.standardCelBuilder().setOptions(options)
                .addVar("deal", ATTRIBUTES).addVar("account", ATTRIBUTES).addVar("person", ATTRIBUTES)
                .build();
        this.periodCel = CelFactory.standardCelBuilder().setOptions(options)
                .addVar("attainment", SimpleType.DOUBLE).addVar("quota", SimpleType.DOUBLE)
                .addVar("measure", MapType.create(SimpleType.STRING, SimpleType.DOUBLE))
                .addVar("person", ATTRIBUTES).addVar("period", ATTRIBUTES)
                .build();
    }

    /** Either a condition or the errors that prevent it; exactly one side is set. */
    public record Compiled<T>(T condition, List<ExpressionError> errors) {
        public boolean ok() {
            return condition != null;
        }
    }

    public Compiled<DealCondition> deal(String text) {
        List<ExpressionError> errors = new ArrayList<>();
        CelRuntime.Program program = compile(dealCel, text, errors);
        return program == null ? new Compiled<>(null, errors) : new Compiled<>(new DealCondition(text, program), List.of());
    }

    public Compiled<PeriodCondition> period(String text) {
        List<ExpressionError> errors = new ArrayList<>();
        CelRuntime.Program program = compile(periodCel, text, errors);
        if (program == null) {
            return new Compiled<>(null, errors);
        }
        PeriodCondition condition = ExactComparison.tryParse(text)
                .filter(c -> c.name().equals("attainment") || c.name().equals("quota"))
                .<PeriodCondition>map(c -> c)
                .orElse(new CelPeriodCondition(text, program));
        return new Compiled<>(condition, List.of());
    }

    private static CelRuntime.Program compile(Cel cel, String text, List<ExpressionError> errors) {
        CelValidationResult result = cel.compile(text);
        if (result.hasError()) {
            for (CelIssue issue : result.getErrors()) {
                int line = Math.max(issue.getSourceLocation().getLine(), 1);
                int column = Math.max(issue.getSourceLocation().getColumn(), 0) + 1;
                errors.add(new ExpressionError(line, column, issue.getMessage()));
            }
            return null;
        }
        try {
            if (!SimpleType.BOOL.equals(result.getAst().getResultType())
                    && !SimpleType.DYN.equals(result.getAst().getResultType())) {
                errors.add(new ExpressionError(1, 1, "a condition must be true or false, not "
                        + result.getAst().getResultType().name()));
                return null;
            }
            return cel.createProgram(result.getAst());
        } catch (CelValidationException | CelEvaluationException e) {
            errors.add(new ExpressionError(1, 1, e.getMessage()));
            return null;
        }
    }
}
