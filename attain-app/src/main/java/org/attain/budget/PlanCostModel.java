package org.attain.budget;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.attain.calc.AttainmentScenarios;
import org.attain.org.PersonScope;
import org.attain.platform.FieldProblem;
import org.attain.platform.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * What one team's plans cost if everyone reached 80, 100 or 120 % of quota in a period, from calc's
 * {@link AttainmentScenarios} (the real engine on the real plans with each payee's deals scaled), summed per currency
 * beside what they earn now.
 */
@Service
public class PlanCostModel {

    public static final List<BigDecimal> SCENARIOS =
            List.of(new BigDecimal("0.80"), new BigDecimal("1.00"), new BigDecimal("1.20"));

    public record Total(String currency, int payees, BigDecimal now, List<BigDecimal> scenarios) {}

    public record Model(
            String period,
            long teamId,
            String team,
            List<BigDecimal> attainments,
            List<Total> totals,
            List<AttainmentScenarios.Payee> payees) {}

    private final AttainmentScenarios scenarios;
    private final BudgetReport report;
    private final Clock clock;

    PlanCostModel(AttainmentScenarios scenarios, BudgetReport report, Clock clock) {
        this.scenarios = scenarios;
        this.report = report;
        this.clock = clock;
    }

    public Model model(String period, long teamId, PersonScope scope) {
        List<BudgetReport.Member> on = report.members(scope, LocalDate.now(clock)).stream()
                .filter(m -> m.teamId() == teamId)
                .toList();
        if (on.isEmpty()) {
            throw new NotFoundException(
                    new FieldProblem("team", "budget.error.team", "team " + teamId + " is not one you see"));
        }
        Set<Long> people = on.stream().map(BudgetReport.Member::id).collect(Collectors.toSet());
        List<AttainmentScenarios.Payee> payees = scenarios.model(people, period, SCENARIOS);
        Map<String, Total> totals = new TreeMap<>();
        for (AttainmentScenarios.Payee p : payees) {
            totals.merge(p.currency(), new Total(p.currency(), 1, p.earnings(), p.scenarioEarnings()), (a, b) -> {
                List<BigDecimal> sum = new ArrayList<>();
                for (int i = 0; i < a.scenarios().size(); i++) {
                    sum.add(a.scenarios().get(i).add(b.scenarios().get(i)));
                }
                return new Total(a.currency(), a.payees() + b.payees(), a.now().add(b.now()), sum);
            });
        }
        return new Model(period, teamId, on.get(0).team(), SCENARIOS, List.copyOf(totals.values()), payees);
    }
}
