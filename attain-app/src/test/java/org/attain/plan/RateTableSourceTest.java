package org.attain.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.attain.engine.plan.PlanCompiler;
import org.attain.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Saving an edited rate table rewrites only its rows in the plan document; the rest stays as written. */
class RateTableSourceTest {

    private static final String PLAN = """
            id: ae-rt
            name: AE rate table
            currency: USD
            components:
              - id: commission
                kind: rate_table
                keys: [deal.product_family, account.segment]
                # rates agreed with finance
                rows:
                  - {key: [Software, Enterprise], rate: "0.06"}
                  - {key: [Services, "*"], rate: "0.03"}

              # the MBO below is scored by managers
              - id: mbo
                kind: mbo
                target: "5000.00"
                objectives: [{id: o1, weight: "1.00"}]
            """;

    @Test
    void mboAndRateTable20TheRowsAreReplacedAndEverythingElseStays() {
        String out = RateTables.withRows(
                PLAN,
                "commission",
                List.of(
                        new RateTables.Row(List.of("Software", "Enterprise"), new BigDecimal("0.06")),
                        new RateTables.Row(List.of("Software", "SMB"), new BigDecimal("0.08")),
                        new RateTables.Row(List.of("Services", "*"), new BigDecimal("0.03"))));
        assertThat(out).isEqualTo("""
                id: ae-rt
                name: AE rate table
                currency: USD
                components:
                  - id: commission
                    kind: rate_table
                    keys: [deal.product_family, account.segment]
                    # rates agreed with finance
                    rows:
                      - {key: ["Software", "Enterprise"], rate: "0.06"}
                      - {key: ["Software", "SMB"], rate: "0.08"}
                      - {key: ["Services", "*"], rate: "0.03"}

                  # the MBO below is scored by managers
                  - id: mbo
                    kind: mbo
                    target: "5000.00"
                    objectives: [{id: o1, weight: "1.00"}]
                """);
        assertThat(new PlanCompiler().compile("plan.yaml", out).problems()).isEmpty();
    }

    @Test
    void mboAndRateTable20ATableAtTheEndOfTheDocumentAndAQuoteInACellAreWrittenSafely() {
        String plan = """
                id: p
                currency: USD
                components:
                  - id: c
                    kind: rate_table
                    keys: [deal.type]
                    rows: [{key: [new], rate: "0.10"}]
                """;
        String out = RateTables.withRows(
                plan, "c", List.of(new RateTables.Row(List.of("say \"hi\""), new BigDecimal("0.20"))));
        assertThat(out).endsWith("    rows:\n      - {key: [\"say \\\"hi\\\"\"], rate: \"0.20\"}\n");
        assertThat(new PlanCompiler().compile("plan.yaml", out).problems()).isEmpty();
    }

    @Test
    void mboAndRateTable20ATableWrittenOnOneLineIsNotRewritten() {
        String plan = """
                id: p
                currency: USD
                components:
                  - {id: c, kind: rate_table, keys: [deal.type], rows: [{key: [new], rate: "0.10"}]}
                """;
        assertThatThrownBy(() -> RateTables.withRows(plan, "c", List.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("written on one line");
    }
}
