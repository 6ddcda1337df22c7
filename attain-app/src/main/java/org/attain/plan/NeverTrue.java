package org.attain.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.attain.engine.cel.DealCondition;
import org.attain.engine.credit.DealFacts;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.Transaction;
import org.attain.engine.model.TransactionId;
import org.attain.engine.money.CurrencyUnit;
import org.attain.engine.money.Money;
import org.attain.engine.plan.CompiledPlan;
import org.attain.engine.plan.CreditRule;
import org.attain.engine.plan.Measure;
import org.attain.engine.plan.PerDealComponent;
import org.attain.sales.TransactionFacts;
import org.springframework.stereotype.Component;

/**
 * Warns about a deal condition that no current deal meets, e.g. {@code deal.type == 'new_logo'} when no
 * deal has that type: the plan compiles but the rule would pay nothing. Each condition is evaluated, as a
 * run would, over the distinct values of just the fields it reads, so the check costs one SQL distinct
 * per condition (kept until the data changes) and a few evaluations, never a pass over every deal.
 * Conditions that read the person, or use a variable as a whole, or whose fields have more than
 * {@link #LIMIT} distinct combinations are not checked.
 */
@Component
class NeverTrue {

    static final int LIMIT = 5_000;
    private static final int SHOWN_VALUES = 12;
    private static final LocalDate ANY_DAY = LocalDate.of(2000, 1, 1);

    private final TransactionFacts facts;

    NeverTrue(TransactionFacts facts) {
        this.facts = facts;
    }

    /** One warning per condition that is false for every current deal. */
    List<Plans.Problem> check(CompiledPlan plan) {
        List<Plans.Problem> warnings = new ArrayList<>();
        for (DealCondition c : conditions(plan)) {
            Optional<Set<String>> reads = c.reads();
            if (reads.isEmpty()
                    || reads.get().stream().anyMatch(f -> !f.startsWith("deal.") && !f.startsWith("account."))
                    || c.location() == null) {
                continue;
            }
            List<String> fields = reads.get().stream().sorted().toList();
            Optional<TransactionFacts.Distinct> values = facts.distinct(fields, LIMIT);
            if (values.isEmpty() || values.get().deals() == 0) {
                continue;
            }
            if (values.get().rows().stream().noneMatch(row -> holds(c, row))) {
                warnings.add(warning(c, fields, values.get()));
            }
        }
        return warnings;
    }

    /** With one field read and few values, the values themselves: what the author most likely meant is among them. */
    private static Plans.Problem warning(DealCondition c, List<String> fields, TransactionFacts.Distinct values) {
        String n = Long.toString(values.deals());
        var at = c.location();
        List<String> seen = fields.size() != 1
                ? List.of()
                : values.rows().stream()
                        .map(r -> r.get(fields.get(0)))
                        .filter(java.util.Objects::nonNull)
                        .map(String::valueOf)
                        .sorted()
                        .toList();
        if (seen.isEmpty() || seen.size() > SHOWN_VALUES) {
            return new Plans.Problem(
                    at.source(),
                    at.line(),
                    at.column(),
                    "never true over the " + n + " current deals",
                    "plan.check.neverTrue",
                    List.of(n));
        }
        String list = String.join(", ", seen);
        return new Plans.Problem(
                at.source(),
                at.line(),
                at.column(),
                "never true over the " + n + " current deals (" + fields.get(0) + " is one of: " + list + ")",
                "plan.check.neverTrueValues",
                List.of(n, fields.get(0), list));
    }

    private static List<DealCondition> conditions(CompiledPlan plan) {
        List<DealCondition> all = new ArrayList<>();
        for (Measure m : plan.measures()) {
            for (CreditRule r : m.creditRules()) {
                if (r.when() != null) {
                    all.add(r.when());
                }
            }
        }
        plan.components().stream()
                .filter(PerDealComponent.class::isInstance)
                .map(PerDealComponent.class::cast)
                .filter(p -> p.when() != null)
                .forEach(p -> all.add(p.when()));
        return all;
    }

    /**
     * The condition over one combination, through the same DealFacts a run uses; the fields it does not
     * read get placeholders, which it never looks at.
     */
    private static boolean holds(DealCondition c, Map<String, Object> row) {
        Map<String, Object> attributes = new HashMap<>();
        Map<String, Object> account = new HashMap<>();
        row.forEach((field, value) -> {
            if (field.startsWith("account.")) {
                account.put(field.substring("account.".length()), value);
            } else if (!TransactionFacts.standardFields().contains(field) || field.equals("deal.term_months")) {
                attributes.put(field.substring("deal.".length()), value);
            }
        });
        String currency = (String) row.getOrDefault("deal.currency", "USD");
        BigDecimal amount = (BigDecimal) row.getOrDefault("deal.amount", BigDecimal.ZERO);
        String owner = (String) row.get("deal.owner");
        Transaction t = new Transaction(
                TransactionId.of((String) row.getOrDefault("deal.id", "check")),
                owner == null ? null : PersonId.of(owner),
                List.of(),
                row.containsKey("deal.close_date") ? LocalDate.parse((String) row.get("deal.close_date")) : ANY_DAY,
                Money.of(amount, CurrencyUnit.of(currency.trim())),
                (String) row.get("deal.status"),
                (String) row.get("deal.type"),
                (String) row.get("deal.product"),
                account,
                attributes,
                null);
        return c.test(DealFacts.of(t), t.account(), Map.of());
    }
}
