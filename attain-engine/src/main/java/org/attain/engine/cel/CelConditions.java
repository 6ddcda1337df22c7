package org.attain.engine.cel;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles plan conditions with typed variables: deal conditions see {@code deal}, {@code account} and
 * {@code person}; period conditions see {@code attainment}, {@code quota}, {@code measure}, {@code person}
 * and {@code period}. A reference to anything else is a compile error, reported with its position.
 *
 * <p>Built without a {@link DataDictionary}, the variables are maps of anything (how published plans are
 * compiled for a run: data that changed since must not stop pay). {@link #checking} adds the author's
 * check: every field a condition reads must be in the dictionary ({@code deal.typ} fails, "did you mean
 * deal.type?"), and the condition is type-checked against the fields' types ({@link TypedCheck}). The
 * program that runs is compiled the same way in both, so evaluation costs exactly what it did.
 *
 * <p>Building the CEL environments is costly, so one instance serves many compilations; it holds no
 * mutable state.
 */
public final class CelConditions {

    static final MapType ATTRIBUTES = MapType.create(SimpleType.STRING, SimpleType.DYN);
    static final CelOptions OPTIONS =
            CelOptions.current().enableHeterogeneousNumericComparisons(true).build();
    private static final Set<String> DEAL_VARIABLES = Set.of("deal", "account", "person");
    private static final Set<String> PERIOD_VARIABLES = Set.of("person", "period", "measure");

    private final Cel dealCel;
    private final Cel periodCel;
    private final DataDictionary dictionary;
    private final TypedCheck typed;

    public CelConditions() {
        this.dealCel = CelFactory.standardCelBuilder()
                .setOptions(OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addVar("deal", ATTRIBUTES)
                .addVar("account", ATTRIBUTES)
                .addVar("person", ATTRIBUTES)
                .build();
        this.periodCel = CelFactory.standardCelBuilder()
                .setOptions(OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addVar("attainment", SimpleType.DOUBLE)
                .addVar("quota", SimpleType.DOUBLE)
                .addVar("measure", MapType.create(SimpleType.STRING, SimpleType.DOUBLE))
                .addVar("person", ATTRIBUTES)
                .addVar("period", ATTRIBUTES)
                .build();
        this.dictionary = null;
        this.typed = null;
    }

    private CelConditions(CelConditions base, DataDictionary dictionary) {
        this.dealCel = base.dealCel;
        this.periodCel = base.periodCel;
        this.dictionary = dictionary;
        this.typed = TypedCheck.of(dictionary);
    }

    /** The same environments, plus the check of fields and types against {@code dictionary}. */
    public CelConditions checking(DataDictionary dictionary) {
        return dictionary.equals(this.dictionary) ? this : new CelConditions(this, dictionary);
    }

    /** The dictionary conditions are checked against; empty when fields are not checked. */
    public Optional<DataDictionary> dictionary() {
        return Optional.ofNullable(dictionary);
    }

    /** Either a condition or the errors that prevent it; exactly one side is set. */
    public record Compiled<T>(T condition, List<ExpressionError> errors) {
        public boolean ok() {
            return condition != null;
        }
    }

    public Compiled<DealCondition> deal(String text) {
        List<ExpressionError> errors = new ArrayList<>();
        CelValidationResult result = dealCel.compile(text);
        FieldReads reads = check(result, text, DEAL_VARIABLES, Set.of(), errors, false);
        CelRuntime.Program program = errors.isEmpty() ? program(dealCel, result, errors) : null;
        if (program == null) {
            return new Compiled<>(null, errors);
        }
        Set<String> read = reads.whole() ? null : reads.names();
        return new Compiled<>(new DealCondition(text, program, read, null), List.of());
    }

    /** A period condition; its {@code measure.x} reads are not checked (the plan's measures are unknown here). */
    public Compiled<PeriodCondition> period(String text) {
        return period(text, null);
    }

    /** A period condition whose {@code measure.x} must name one of {@code measureIds} (null: not checked). */
    public Compiled<PeriodCondition> period(String text, Set<String> measureIds) {
        List<ExpressionError> errors = new ArrayList<>();
        CelValidationResult result = periodCel.compile(text);
        check(result, text, PERIOD_VARIABLES, measureIds == null ? null : Set.copyOf(measureIds), errors, true);
        CelRuntime.Program program = errors.isEmpty() ? program(periodCel, result, errors) : null;
        if (program == null) {
            return new Compiled<>(null, errors);
        }
        PeriodCondition condition = ExactComparison.tryParse(text)
                .filter(c -> c.name().equals("attainment") || c.name().equals("quota"))
                .<PeriodCondition>map(c -> c)
                .orElse(new CelPeriodCondition(text, program));
        return new Compiled<>(condition, List.of());
    }

    /**
     * CEL's own errors, then (when checking) unknown fields, then types. Returns the reads (empty if the
     * expression did not compile at all).
     */
    private FieldReads check(
            CelValidationResult result,
            String text,
            Set<String> variables,
            Set<String> measureIds,
            List<ExpressionError> errors,
            boolean period) {
        if (result.hasError()) {
            for (CelIssue issue : result.getErrors()) {
                int line = Math.max(issue.getSourceLocation().getLine(), 1);
                int column = Math.max(issue.getSourceLocation().getColumn(), 0) + 1;
                errors.add(ExpressionError.cel(line, column, issue.getMessage()));
            }
            return null;
        }
        CelAbstractSyntaxTree ast = astOf(result);
        FieldReads reads = FieldReads.of(ast, variables);
        if (dictionary == null) {
            return reads;
        }
        for (FieldReads.Read read : reads.reads()) {
            UnknownField.check(dictionary, read, measureIds).ifPresent(problem -> {
                var at = ast.getSource().getOffsetLocation(read.offset());
                int line = at.map(l -> l.getLine()).orElse(1);
                int column = at.map(l -> l.getColumn() + 1).orElse(1);
                errors.add(problem.at(line, column));
            });
        }
        // A variable used as a map (deal['x'], 'x' in deal) cannot be a struct: such a condition keeps CEL's own check
        // only.
        if (errors.isEmpty() && !reads.indexed() && !reads.whole()) {
            errors.addAll(period ? typed.period(text) : typed.deal(text));
        }
        return reads;
    }

    private static CelAbstractSyntaxTree astOf(CelValidationResult result) {
        try {
            return result.getAst();
        } catch (CelValidationException e) {
            throw new IllegalStateException("CEL reported no error but has no syntax tree", e);
        }
    }

    private static CelRuntime.Program program(Cel cel, CelValidationResult result, List<ExpressionError> errors) {
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            if (!SimpleType.BOOL.equals(ast.getResultType()) && !SimpleType.DYN.equals(ast.getResultType())) {
                errors.add(ExpressionError.notBoolean(ast.getResultType().name()));
                return null;
            }
            return cel.createProgram(ast);
        } catch (CelValidationException | CelEvaluationException e) {
            errors.add(ExpressionError.cel(1, 1, e.getMessage()));
            return null;
        }
    }
}
