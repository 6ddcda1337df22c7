package org.attain.engine.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.attain.engine.cel.CelConditions;
import org.attain.engine.cel.CelFormula;
import org.attain.engine.cel.ExpressionError;
import org.attain.engine.testing.BadText;

/**
 * A CEL expression in a plan (a deal condition, a period condition, a formula) however broken: it compiles,
 * or comes back with errors naming line, column and reason; a compiled one evaluates on any deal without
 * throwing (a condition that cannot be evaluated does not match).
 */
class CelExpressionProperties {

    private static final CelConditions CEL = new CelConditions();
    private static final CelFormula.Compiler FORMULA = new CelFormula.Compiler(Set.of("bookings", "calls", "quota"));
    private static final List<String> SEEDS = List.of(
            "deal.type == 'new_logo' && deal.term_months >= 24",
            "deal.segment in ['Consumer', 'Corporate', 'Home Office']",
            "has(deal.region) && deal.region.startsWith('EM')",
            "account.country == 'SE' || person.role == 'AE'",
            "size(deal.product) > 3 ? deal.amount > 1000 : false",
            "attainment >= 1.0 && measure.bookings > 5000",
            "bookings * 0.1 + calls / 2",
            "quota == 0.0 ? 0.0 : bookings / quota");

    static void compilesOrNamesItsErrors(String text) {
        var deal = CEL.deal(text);
        deal.errors().forEach(e -> assertClear(e, text));
        assertThat(deal.ok() || !deal.errors().isEmpty()).isTrue();
        if (deal.ok()) {
            deal.condition()
                    .test(Map.of("type", 1, "amount", "x", "term_months", 2.5), Map.of(), Map.of("role", List.of()));
            deal.condition().test(Map.of(), Map.of(), Map.of());
        }
        var period = CEL.period(text, Set.of("bookings"));
        period.errors().forEach(e -> assertClear(e, text));
        var formula = FORMULA.compile(text);
        formula.errors().forEach(e -> assertClear(e, text));
        if (formula.ok()) {
            formula.formula().evaluate(Map.of("bookings", new BigDecimal("1e300"), "quota", BigDecimal.ZERO));
        }
    }

    private static void assertClear(ExpressionError e, String text) {
        assertThat(e.line()).as(e.toString()).isPositive();
        assertThat(e.column()).as(e.toString()).isPositive();
        assertThat(e.message())
                .as(e.toString())
                .isNotBlank()
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Property(tries = 300)
    void aDamagedExpressionCompilesOrNamesItsErrors(@ForAll("damaged") String text) {
        compilesOrNamesItsErrors(text);
    }

    @Property(tries = 300)
    void anyTokenSoupCompilesOrNamesItsErrors(@ForAll("soup") String text) {
        compilesOrNamesItsErrors(text);
    }

    @Example
    void deepNestingAndHugeExpressionsAreErrorsNotCrashes() {
        for (String text : List.of(
                BadText.nested("(", "1", ")", 50_000),
                BadText.nested("[", "1", "]", 50_000),
                BadText.nested("!", "true", "", 50_000),
                "1" + " + 1".repeat(100_000),
                "deal.x" + ".y".repeat(50_000),
                "'" + "a".repeat(1_000_000) + "' == deal.x",
                "deal.x == '\u0000'",
                "\uFEFFdeal.x == 1",
                "deal.amount > 1e400",
                "[1,2,3].map(x, [1,2,3].map(y, [1,2,3].map(z, x * y * z))).size() > 0")) {
            compilesOrNamesItsErrors(text);
        }
    }

    @Provide
    Arbitrary<String> damaged() {
        return BadText.damaged(SEEDS);
    }

    @Provide
    Arbitrary<String> soup() {
        Arbitrary<String> token = Arbitraries.of(
                "deal",
                "account",
                "person",
                "attainment",
                "measure",
                "bookings",
                ".",
                "(",
                ")",
                "[",
                "]",
                "{",
                "}",
                "==",
                "!=",
                "&&",
                "||",
                "!",
                "?",
                ":",
                "+",
                "-",
                "*",
                "/",
                "%",
                "in",
                "has",
                "size",
                "'a'",
                "\"b\"",
                "1",
                "1.5",
                "1e308",
                "-9223372036854775808",
                "true",
                "null",
                ",",
                "x",
                "map",
                "all",
                "exists",
                "\u0000");
        return token.list().ofMaxSize(30).map(l -> String.join(" ", l));
    }
}
