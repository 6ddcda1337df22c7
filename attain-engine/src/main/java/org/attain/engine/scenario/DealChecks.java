package org.attain.engine.scenario;

import java.math.BigDecimal;
import java.util.List;
import java.util.TreeSet;
import org.attain.engine.calc.EarningsLine;
import org.attain.engine.calc.PayeePeriodResult;
import org.attain.engine.calc.PlanPeriodResult;
import org.attain.engine.model.TransactionId;
import org.attain.engine.money.Money;

/**
 * Expected values about one deal on a statement: what it earned ({@code deal:<id>}, summed over the plans'
 * per-deal earnings) and which plan version paid it ({@code plan_version:<id>}, read from the lines it is on).
 */
final class DealChecks {

    private DealChecks() {}

    static CheckResult evaluate(Check check, PayeePeriodResult s, String deal) {
        TransactionId id = TransactionId.of(deal);
        List<EarningsLine> lines =
                s.lines().stream().filter(l -> l.qualifying().contains(id)).toList();
        StringBuilder why = new StringBuilder();
        lines.forEach(l -> why.append("    line ")
                .append(l.component())
                .append(' ')
                .append(l.amount().toPlainString())
                .append('\n')
                .append(l.trace().render("      ")));
        if (check.what().startsWith("plan_version:")) {
            TreeSet<String> versions = new TreeSet<>();
            lines.forEach(l -> l.planVersion().ifPresent(versions::add));
            String actual = versions.isEmpty() ? "no version named" : String.join(",", versions);
            return new CheckResult(check, actual, actual.equals(check.expected()), why.toString());
        }
        BigDecimal earned = null;
        for (PlanPeriodResult p : s.plans()) {
            BigDecimal a = p.dealEarnings().get(id);
            if (a != null) {
                earned = earned == null ? a : earned.add(a);
            }
        }
        if (earned == null) {
            return new CheckResult(check, "earned nothing", false, why.toString());
        }
        Money rounded = new Money(earned, s.payout().currency()).rounded();
        boolean ok = rounded.amount().compareTo(new BigDecimal(check.expected())) == 0;
        return new CheckResult(check, rounded.toPlainString(), ok, why.toString());
    }
}
