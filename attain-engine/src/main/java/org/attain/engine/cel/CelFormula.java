package org.attain.engine.cel;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelBuilder;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number computed by a CEL expression over named numbers, such as {@code bookings + 1000 * meetings} (a
 * gamification score). Every name is a {@code double}; a whole-number literal is read as a double too
 * ({@code 1000} as {@code 1000.0}), because CEL has no operator for an int times a double and a formula's
 * author should not have to know that. A name that is not declared, a syntax error or a result that is not a
 * number is a compile error with its line and column in the text as typed.
 *
 * <p>A score, not money: evaluated in binary floating point (CEL has no decimal) and rounded to four decimals
 * half-even, so the same inputs always give the same value; never used for an amount that is paid. A result
 * that is not finite (a division by zero) is zero. Compile once per use (building the environment takes tens of
 * milliseconds, so one {@link Compiler} serves a set of names), evaluate once per competitor, never per
 * transaction.
 */
public final class CelFormula {

    private static final Pattern WHOLE = Pattern.compile("(?<![\\w.])(\\d+)(?![\\w.])");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern UNDECLARED = Pattern.compile("undeclared reference to '([^']+)'");

    private final String text;
    private final CelRuntime.Program program;
    private final Set<String> reads;

    private CelFormula(String text, CelRuntime.Program program, Set<String> reads) {
        this.text = text;
        this.program = program;
        this.reads = Set.copyOf(reads);
    }

    public String text() {
        return text;
    }

    /** The declared names the formula reads (only these need values). */
    public Set<String> reads() {
        return reads;
    }

    /** The value for one competitor; a name it reads and {@code values} lacks counts as zero. */
    public BigDecimal evaluate(Map<String, BigDecimal> values) {
        Map<String, Object> vars = new HashMap<>();
        for (String name : reads) {
            BigDecimal v = values.get(name);
            vars.put(name, v == null ? 0.0 : v.doubleValue());
        }
        Object result;
        try {
            result = program.eval(vars);
        } catch (CelEvaluationException e) {
            return BigDecimal.ZERO;
        }
        double d;
        if (result instanceof Double x) {
            d = x;
        } else if (result instanceof Long x) {
            return BigDecimal.valueOf(x);
        } else {
            return BigDecimal.ZERO;
        }
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(d).setScale(4, RoundingMode.HALF_EVEN);
    }

    /** Either a formula or its errors (and the undeclared names it used, for a message naming them). */
    public record Compiled(CelFormula formula, List<ExpressionError> errors, Set<String> unknownNames) {
        public boolean ok() {
            return formula != null;
        }
    }

    /** Compiles formulas over one set of names. Holds no mutable state. */
    public static final class Compiler {

        private final Cel cel;
        private final Set<String> names;

        public Compiler(Set<String> names) {
            CelBuilder builder = CelFactory.standardCelBuilder()
                    .setOptions(CelConditions.OPTIONS)
                    .setStandardMacros(CelStandardMacro.STANDARD_MACROS);
            for (String n : new TreeSet<>(names)) {
                builder.addVar(n, SimpleType.DOUBLE);
            }
            this.cel = builder.build();
            this.names = Set.copyOf(names);
        }

        public Compiled compile(String text) {
            List<ExpressionError> errors = new ArrayList<>();
            if (text == null || text.isBlank()) {
                errors.add(new ExpressionError(1, 1, "a formula is required", "cel.formula.empty", List.of()));
                return new Compiled(null, errors, Set.of());
            }
            // Whole numbers become doubles; where the rewritten text has a character, where it was typed.
            StringBuilder rewritten = new StringBuilder();
            List<Integer> origin = new ArrayList<>();
            Matcher m = WHOLE.matcher(text);
            int at = 0;
            while (m.find()) {
                for (int i = at; i < m.end(); i++) {
                    rewritten.append(text.charAt(i));
                    origin.add(i);
                }
                rewritten.append(".0");
                origin.add(m.end() - 1);
                origin.add(m.end() - 1);
                at = m.end();
            }
            for (int i = at; i < text.length(); i++) {
                rewritten.append(text.charAt(i));
                origin.add(i);
            }
            String source = rewritten.toString();
            CelValidationResult result = cel.compile(source);
            Set<String> unknown = new LinkedHashSet<>();
            if (result.hasError()) {
                for (CelIssue issue : result.getErrors()) {
                    Matcher u = UNDECLARED.matcher(issue.getMessage());
                    if (u.find()) {
                        unknown.add(u.group(1));
                    }
                    errors.add(located(issue, source, text, origin));
                }
                return new Compiled(null, errors, unknown);
            }
            try {
                CelAbstractSyntaxTree ast = result.getAst();
                CelType type = ast.getResultType();
                if (!SimpleType.DOUBLE.equals(type) && !SimpleType.INT.equals(type) && !SimpleType.DYN.equals(type)) {
                    errors.add(new ExpressionError(
                            1,
                            1,
                            "a formula must give a number, not " + type.name(),
                            "cel.formula.notNumber",
                            List.of(type.name())));
                    return new Compiled(null, errors, unknown);
                }
                Set<String> reads = new LinkedHashSet<>();
                Matcher id = IDENTIFIER.matcher(source);
                while (id.find()) {
                    if (names.contains(id.group(1))) {
                        reads.add(id.group(1));
                    }
                }
                return new Compiled(new CelFormula(text, cel.createProgram(ast), reads), List.of(), unknown);
            } catch (CelValidationException | CelEvaluationException e) {
                errors.add(ExpressionError.cel(1, 1, e.getMessage()));
                return new Compiled(null, errors, unknown);
            }
        }

        private static ExpressionError located(CelIssue issue, String source, String text, List<Integer> origin) {
            int line = Math.max(issue.getSourceLocation().getLine(), 1);
            int column = Math.max(issue.getSourceLocation().getColumn(), 0);
            // Columns are 0-based offsets within the line; formulas are one line in practice, so map the offset.
            int lineStart = 0;
            for (int l = 1; l < line && lineStart < source.length(); l++) {
                int nl = source.indexOf('\n', lineStart);
                lineStart = nl < 0 ? source.length() : nl + 1;
            }
            int offset = Math.min(lineStart + column, Math.max(origin.size() - 1, 0));
            int typed = origin.isEmpty() ? 0 : origin.get(offset);
            int typedLineStart = text.lastIndexOf('\n', Math.max(typed - 1, 0)) + 1;
            if (typed == 0) {
                typedLineStart = 0;
            }
            return ExpressionError.cel(line, typed - typedLineStart + 1, issue.getMessage());
        }
    }
}
