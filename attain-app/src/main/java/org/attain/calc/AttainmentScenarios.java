package org.attain.calc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.attain.engine.calc.CalculationInput;
import org.attain.engine.calc.Engine;
import org.attain.engine.calc.PayeePeriodResult;
import org.attain.engine.calc.PlanPeriodResult;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.Transaction;
import org.attain.engine.model.TransactionId;
import org.attain.engine.money.Money;
import org.attain.engine.time.DateRange;
import org.attain.engine.time.PeriodId;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.attain.sales.BookedTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Plan cost at attainment scenarios (80, 100, 120 % …), computed by the real engine on the real plans, quotas and
 * deals, as what-if does, and nothing is written: for each payee the deals closing in the period are scaled so that
 * the payee's attainment becomes the scenario's (a payee with a quota and no credit yet gets one deal of the
 * scenario's share of the quota on the period's last day). A payee without a quota in the period is left out. A
 * manager is modelled with their team's deals scaled to the manager's own scenario attainment, so an override
 * follows.
 */
@Service
public class AttainmentScenarios {

    /** One payee's earnings now and at each scenario (same order as asked), in the pay currency. */
    public record Payee(
            long personId,
            String currency,
            BigDecimal attainment,
            BigDecimal earnings,
            List<BigDecimal> scenarioEarnings,
            boolean synthetic) {}

    private final CalcInputs inputs;
    private final CalcRuns runs;
    private final BookedTransactions booked;
    private final JdbcClient jdbc;
    private final Engine engine = new Engine();

    AttainmentScenarios(CalcInputs inputs, CalcRuns runs, BookedTransactions booked, JdbcClient jdbc) {
        this.inputs = inputs;
        this.runs = runs;
        this.booked = booked;
        this.jdbc = jdbc;
    }

    /** {@code attainments} as fractions (0.8 for 80 %); {@code periodId} one the plans pay in, such as 2026-Q4. */
    public List<Payee> model(Set<Long> people, String periodId, List<BigDecimal> attainments) {
        List<PeriodId> all = runs.defaultPeriods();
        PeriodId period;
        try {
            period = PeriodId.parse(periodId);
        } catch (RuntimeException e) {
            period = null;
        }
        if (period == null || !all.contains(period)) {
            throw new InvalidInputException(new FieldProblem(
                    "period",
                    "budget.error.modelPeriod",
                    "'" + periodId + "' is not a period of this or last fiscal year"));
        }
        if (people.isEmpty()) {
            return List.of();
        }
        PeriodId target = period;
        var snapshot = inputs.snapshot(all, people);
        var reach = snapshot.reach(people);
        Set<PersonId> payees = new TreeSet<>();
        people.forEach(p -> payees.add(CalcInputs.pid(p)));
        CalculationInput whole =
                snapshot.forChunk(booked.read(jdbc, snapshot.window(), reach.people(), reach.accounts()), payees);
        List<PeriodId> upTo = whole.periods().stream()
                .filter(p -> p.kind() == target.kind() && p.compareTo(target) <= 0)
                .toList();
        DateRange range = whole.calendar().range(target);
        List<Payee> out = new ArrayList<>();
        for (Long person : new TreeSet<>(people)) {
            PersonId pid = CalcInputs.pid(person);
            CalculationInput one = whole.only(Set.of(pid), upTo, Map.of());
            Optional<PayeePeriodResult> now = engine.calculate(one).statement(pid, target);
            Optional<PlanPeriodResult> quotaPlan = now.flatMap(PayeePeriodResult::quotaPlan);
            if (quotaPlan.isEmpty()
                    || quotaPlan.get().quota() == null
                    || quotaPlan.get().quota().isZero()) {
                continue;
            }
            BigDecimal attainment = quotaPlan.get().attainment() == null
                    ? BigDecimal.ZERO
                    : quotaPlan.get().attainment();
            Money quota = quotaPlan.get().quota();
            List<Transaction> inPeriod = one.transactions().stream()
                    .filter(t -> range.contains(t.closeDate()))
                    .toList();
            boolean synthetic = attainment.signum() <= 0 || inPeriod.isEmpty();
            List<BigDecimal> scenario = new ArrayList<>();
            for (BigDecimal a : attainments) {
                List<Transaction> txs = new ArrayList<>();
                if (synthetic) {
                    txs.addAll(one.transactions());
                    txs.add(new Transaction(
                            TransactionId.of("scenario"),
                            pid,
                            List.of(),
                            range.last(),
                            quota.times(a),
                            "won",
                            "",
                            null,
                            Map.of(),
                            Map.of(),
                            null));
                } else {
                    BigDecimal factor = a.divide(attainment, 12, RoundingMode.HALF_EVEN);
                    Set<Transaction> scaled = new HashSet<>(inPeriod);
                    for (Transaction t : one.transactions()) {
                        txs.add(scaled.contains(t) ? scaledBy(t, factor) : t);
                    }
                }
                scenario.add(engine.calculate(one.forChunk(txs, Set.of(pid)).only(Set.of(pid), upTo, Map.of()))
                        .statement(pid, target)
                        .map(r -> r.earnings().rounded().amount())
                        .orElse(BigDecimal.ZERO.setScale(2)));
            }
            out.add(new Payee(
                    person,
                    now.get().earnings().currency().code(),
                    attainment.setScale(4, RoundingMode.DOWN),
                    now.get().earnings().rounded().amount(),
                    scenario,
                    synthetic));
        }
        return out;
    }

    private static Transaction scaledBy(Transaction t, BigDecimal factor) {
        return new Transaction(
                t.id(),
                t.owner(),
                t.splits(),
                t.closeDate(),
                t.amount().times(factor),
                t.status(),
                t.type(),
                t.product(),
                t.account(),
                t.attributes(),
                t.recordedOn());
    }
}
