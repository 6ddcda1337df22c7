package org.attain.engine.calc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attain.engine.credit.Credit;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.Transaction;
import org.attain.engine.plan.RateTableComponent;
import org.attain.engine.plan.RateTableComponent.Row;
import org.attain.engine.time.PeriodId;

/**
 * A rate table for one payee-period: each credit earns its credited amount times the rate of the row its deal's
 * key values match (the row is its trace's tier slice), a deal without a row earns nothing, says so in the trace and
 * is a run issue ({@link #issues}).
 */
final class RateTableEvaluator {

    static final String ROW_CODE = "trace.ratetable.row";
    static final String UNMATCHED_CODE = "trace.ratetable.unmatched";

    private RateTableEvaluator() {}

    static ComponentEvaluator.Raw evaluate(RateTableComponent t, ComponentInput in) {
        List<Contribution> contributions = new ArrayList<>(in.credits().size());
        Map<Row, Tally> byRow = new LinkedHashMap<>();
        List<TraceStep> unmatched = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Credit c : in.credits()) {
            List<String> values = values(t, c.transaction());
            Optional<Row> row = t.match(values);
            if (row.isEmpty()) {
                String key = shown(values);
                unmatched.add(new TraceStep(
                        "rate table",
                        "deal " + c.transaction().id() + " has no rate table row for " + key
                                + ": not paid, reported on the run",
                        UNMATCHED_CODE,
                        List.of(c.transaction().id().value(), key)));
                continue;
            }
            Row r = row.get();
            BigDecimal base = c.credited().amount();
            BigDecimal earned = base.multiply(r.rate());
            contributions.add(new Contribution(
                    c.transaction().id(),
                    c.date(),
                    c.rule(),
                    c.via(),
                    c.share(),
                    c.transaction().amount(),
                    c.fxFactor(),
                    c.credited(),
                    List.of(new TierSlice(r.number(), r.text(), base, r.rate(), earned)),
                    earned,
                    c.territory()));
            Tally tally = byRow.computeIfAbsent(r, k -> new Tally());
            tally.base = tally.base.add(base);
            tally.earned = tally.earned.add(earned);
            tally.deals++;
            total = total.add(earned);
        }
        List<TraceStep> steps = new ArrayList<>();
        String measured = ComponentEvaluator.plain(ComponentEvaluator.total(in.credits()));
        steps.add(new TraceStep(
                "measure",
                t.basics().measure() + " = " + measured + " " + in.plan().currency(),
                "trace.words.measure",
                List.of(t.basics().measure(), measured, in.plan().currency().toString())));
        byRow.forEach((r, tally) -> steps.add(new TraceStep(
                "rate table",
                "row " + r.text() + " at " + r.rate().toPlainString() + ": " + tally.deals + " deal(s), "
                        + ComponentEvaluator.plain(tally.base) + " x "
                        + r.rate().toPlainString() + " = "
                        + ComponentEvaluator.plain(tally.earned),
                ROW_CODE,
                List.of(
                        r.text(),
                        r.rate().toPlainString(),
                        String.valueOf(tally.deals),
                        ComponentEvaluator.plain(tally.base),
                        ComponentEvaluator.plain(tally.earned)))));
        steps.addAll(unmatched);
        return ComponentEvaluator.raw(total, contributions, steps, "rate_table", null);
    }

    /** One run issue per deal this payee was credited with that no row matches. */
    static List<String> issues(RateTableComponent t, PersonId payee, PeriodId period, List<Credit> credits) {
        List<String> issues = new ArrayList<>();
        for (Credit c : credits) {
            List<String> values = values(t, c.transaction());
            if (t.match(values).isEmpty()) {
                issues.add("deal " + c.transaction().id() + ": no rate table row for " + shown(values) + " (" + payee
                        + " " + period + ", component " + t.id() + ", keys " + t.keys() + "): not paid");
            }
        }
        return issues;
    }

    /** The deal's value of each key, null where the deal or its account has none. */
    static List<String> values(RateTableComponent t, Transaction deal) {
        List<String> values = new ArrayList<>(t.keys().size());
        for (String key : t.keys()) {
            values.add(value(deal, key));
        }
        return values;
    }

    private static String value(Transaction deal, String key) {
        Object v;
        if (key.startsWith("account.")) {
            v = deal.account().get(key.substring("account.".length()));
        } else {
            String field = key.substring("deal.".length());
            v = switch (field) {
                case "id" -> deal.id().value();
                case "type" -> deal.type();
                case "product" -> deal.product();
                case "status" -> deal.status();
                case "currency" -> deal.amount().currency().code();
                case "owner" -> deal.owner() == null ? null : deal.owner().value();
                default -> deal.attributes().get(field);
            };
        }
        if (v == null || (v instanceof String s && s.isEmpty())) {
            return null;
        }
        return v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : v.toString();
    }

    private static String shown(List<String> values) {
        return "["
                + String.join(
                        ", ", values.stream().map(v -> v == null ? "(none)" : v).toList()) + "]";
    }

    /** What one row paid in this payee-period, for its trace step. */
    private static final class Tally {
        private BigDecimal base = BigDecimal.ZERO;
        private BigDecimal earned = BigDecimal.ZERO;
        private int deals;
    }
}
