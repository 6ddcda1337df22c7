package org.attain.engine.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.attain.engine.calc.CalculationInput;
import org.attain.engine.calc.Engine;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.Transaction;
import org.attain.engine.money.Money;
import org.attain.engine.testing.Scenarios;
import org.junit.jupiter.api.Test;

/** "What do I earn if I close this deal?" answered without changing anything. */
class WhatIfTest {

    private static final String PLAN = """
            currency: USD
            periods: [2026-Q1]
            people: [{id: ae1, start: 2025-01-01}]
            quotas: [{person: ae1, period: 2026-Q1, amount: "100000.00"}]
            plan:
              id: ae
              frequency: quarter
              components:
                - id: commission
                  kind: tiered
                  tiers:
                    - {from: "0.00", to: "0.50", rate: "0.05"}
                    - {from: "0.50", to: "1.00", rate: "0.08"}
                    - {from: "1.00", rate: "0.12"}
                - {id: bonus, kind: bonus, amount: "5000.00", when: "attainment >= 1.00"}
            transactions:
              - {id: D1, owner: ae1, close: 2026-01-10, amount: "90000.00"}
            """;

    @Test
    void aDealThatCrossesQuotaShowsTheExtraCommissionAndTheBonus() {
        CalculationInput input = Scenarios.input(PLAN);
        Transaction deal = Transaction.won("HYPO-1", "ae1", LocalDate.of(2026, 3, 20), Money.of("20000.00", "USD"));

        WhatIfResult result = new WhatIf(new Engine())
                .evaluate(input, PersonId.of("ae1"), deal)
                .orElseThrow();

        // 10,000 more at 8% up to quota and 10,000 at 12% above it, plus the bonus now reached.
        assertThat(result.changes())
                .extracting(c -> c.component() + " " + c.delta().toPlainString())
                .containsExactly("commission 2000.00", "bonus 5000.00");
        assertThat(result.earningsDelta().toPlainString()).isEqualTo("7000.00");
        assertThat(result.before().payout().toPlainString()).isEqualTo("5700.00");
        assertThat(input.transactions()).hasSize(1);
    }
}
