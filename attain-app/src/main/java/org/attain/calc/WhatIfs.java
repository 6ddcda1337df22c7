package org.attain.calc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.attain.engine.calc.Engine;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.Transaction;
import org.attain.engine.model.TransactionId;
import org.attain.engine.money.CurrencyUnit;
import org.attain.engine.money.Money;
import org.attain.engine.whatif.WhatIf;
import org.attain.engine.whatif.WhatIfResult;
import org.attain.sales.BookedTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * "What if I close this deal?": the payee's statement with and without a hypothetical deal,
 * computed by the same engine on the same snapshot as a real run, and nothing is written.
 */
@Service
public class WhatIfs {

    private final CalcInputs inputs;
    private final BookedTransactions booked;
    private final CalcRuns runs;
    private final JdbcClient jdbc;
    private final WhatIf whatIf = new WhatIf(new Engine());

    WhatIfs(CalcInputs inputs, CalcRuns runs, JdbcClient jdbc, BookedTransactions booked) {
        this.booked = booked;
        this.inputs = inputs;
        this.runs = runs;
        this.jdbc = jdbc;
    }

    public record Deal(BigDecimal amount, LocalDate closeDate, String type, Integer termMonths) {}

    public record Change(String component, BigDecimal before, BigDecimal after, BigDecimal difference) {}

    public record Outcome(
            long personId,
            String period,
            String currency,
            BigDecimal earningsBefore,
            BigDecimal earningsAfter,
            BigDecimal difference,
            BigDecimal attainmentBefore,
            BigDecimal attainmentAfter,
            List<Change> changes) {}

    public Optional<Outcome> evaluate(long personId, Deal deal) {
        var snapshot = inputs.snapshot(runs.defaultPeriods(), Set.of(personId));
        var reach = snapshot.reach(Set.of(personId));
        var withDeals = snapshot.forChunk(
                booked.read(jdbc, snapshot.window(), reach.people(), reach.accounts()),
                Set.of(CalcInputs.pid(personId)));
        String currency = jdbc.sql("select currency from org_person_v where id = :p")
                .param("p", personId)
                .query(String.class)
                .single();
        Map<String, Object> attributes = deal.termMonths() == null
                ? Map.of()
                : Map.of("term_months", deal.termMonths().longValue());
        Transaction hypothetical = new Transaction(
                TransactionId.of("what-if"),
                CalcInputs.pid(personId),
                List.of(),
                deal.closeDate(),
                Money.of(deal.amount(), CurrencyUnit.of(currency)),
                "won",
                deal.type() == null ? "" : deal.type(),
                null,
                Map.of(),
                attributes,
                null);
        return whatIf.evaluate(withDeals, PersonId.of(Long.toString(personId)), hypothetical)
                .map(r -> outcome(personId, r));
    }

    private static Outcome outcome(long personId, WhatIfResult r) {
        List<Change> changes = new ArrayList<>();
        r.changes()
                .forEach(c -> changes.add(new Change(
                        c.component(),
                        c.before().rounded().amount(),
                        c.after().rounded().amount(),
                        c.delta().rounded().amount())));
        return new Outcome(
                personId,
                r.period().toString(),
                r.after().payout().currency().code(),
                r.before().earnings().amount(),
                r.after().earnings().amount(),
                r.earningsDelta().amount(),
                r.before().attainmentShown().orElse(null),
                r.after().attainmentShown().orElse(null),
                changes);
    }
}
