package org.attain.engine.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fields an expression reads of its map variables ({@code deal.type}, {@code has(deal.segment)},
 * {@code deal['segment']}), each with the offset of the field name in the text. {@code whole} is set when a
 * variable is also used otherwise (e.g. {@code 'x' in deal}): then the reads are not all it depends on.
 * A comprehension's own variables shadow a condition variable of the same name.
 */
final class FieldReads {

    record Read(String variable, String field, int offset, boolean indexed) {}

    private final List<Read> reads = new ArrayList<>();
    private final Set<String> variables;
    private final String text;
    private final CelAbstractSyntaxTree ast;
    private boolean whole;

    private FieldReads(CelAbstractSyntaxTree ast, Set<String> variables) {
        this.ast = ast;
        this.variables = variables;
        this.text = ast.getSource().getContent().toString();
    }

    static FieldReads of(CelAbstractSyntaxTree ast, Set<String> variables) {
        FieldReads r = new FieldReads(ast, variables);
        r.walk(ast.getExpr(), Set.of());
        return r;
    }

    List<Read> reads() {
        return reads;
    }

    boolean whole() {
        return whole;
    }

    boolean indexed() {
        return reads.stream().anyMatch(Read::indexed);
    }

    /** "deal.type", ... in the order written, each once. */
    Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        reads.forEach(r -> names.add(r.variable() + "." + r.field()));
        return names;
    }

    private void walk(CelExpr e, Set<String> shadowed) {
        switch (e.getKind()) {
            case IDENT -> {
                if (isVariable(e, shadowed)) {
                    whole = true;
                }
            }
            case SELECT -> {
                CelExpr operand = e.select().operand();
                if (isVariable(operand, shadowed)) {
                    reads.add(new Read(
                            operand.ident().name(),
                            e.select().field(),
                            fieldOffset(e, e.select().field()),
                            false));
                } else {
                    walk(operand, shadowed);
                }
            }
            case CALL -> {
                var call = e.call();
                if (call.function().equals("_[_]")
                        && call.args().size() == 2
                        && isVariable(call.args().get(0), shadowed)
                        && call.args().get(1).getKind() == CelExpr.ExprKind.Kind.CONSTANT
                        && call.args().get(1).constant().getKind() == CelConstant.Kind.STRING_VALUE) {
                    String field = call.args().get(1).constant().stringValue();
                    reads.add(new Read(
                            call.args().get(0).ident().name(),
                            field,
                            position(call.args().get(1)),
                            true));
                    return;
                }
                call.target().ifPresent(t -> walk(t, shadowed));
                call.args().forEach(a -> walk(a, shadowed));
            }
            case LIST -> e.list().elements().forEach(x -> walk(x, shadowed));
            case MAP ->
                e.map().entries().forEach(x -> {
                    walk(x.key(), shadowed);
                    walk(x.value(), shadowed);
                });
            case STRUCT -> e.struct().entries().forEach(x -> walk(x.value(), shadowed));
            case COMPREHENSION -> {
                var c = e.comprehension();
                walk(c.iterRange(), shadowed);
                walk(c.accuInit(), shadowed);
                Set<String> inner = new HashSet<>(shadowed);
                inner.add(c.iterVar());
                if (!c.iterVar2().isEmpty()) {
                    inner.add(c.iterVar2());
                }
                inner.add(c.accuVar());
                walk(c.loopCondition(), inner);
                walk(c.loopStep(), inner);
                walk(c.result(), inner);
            }
            default -> {
                // constants and unset expressions read nothing
            }
        }
    }

    private boolean isVariable(CelExpr e, Set<String> shadowed) {
        return e.getKind() == CelExpr.ExprKind.Kind.IDENT
                && variables.contains(e.ident().name())
                && !shadowed.contains(e.ident().name());
    }

    private int position(CelExpr e) {
        return ast.getSource().getPositionsMap().getOrDefault(e.id(), 0);
    }

    /** A select is positioned at its dot (or at has's parenthesis); point at the field's name instead. */
    private int fieldOffset(CelExpr select, String field) {
        int at = position(select);
        if (at >= text.codePointCount(0, text.length())) {
            return at;
        }
        int from = text.offsetByCodePoints(0, at);
        int found = text.indexOf(field, from);
        return found < 0 ? at : text.codePointCount(0, found);
    }
}
