package org.attain.engine.calc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.PlanAssignment;
import org.attain.engine.model.Transaction;

/**
 * The calculation entry point: a pure function from {@link CalculationInput} to {@link CalculationResult}.
 * No I/O, no clock, no shared mutable state: each payee is computed independently (its periods in
 * order, because the ledger carries balances from one to the next), so callers may split payees across
 * threads or machines and get the same numbers.
 */
public final class Engine {

    public CalculationResult calculate(CalculationInput input) {
        return calculate(new RunContext(input), input);
    }

    /**
     * A run's inputs indexed once, for a caller that computes its payees in chunks: each chunk then
     * indexes only its own transactions ({@link #calculate(Prepared, List, Set)}). The numbers are those
     * of {@code calculate(base.forChunk(transactions, payees))}.
     */
    public Prepared prepare(CalculationInput base) {
        return new Prepared(base, new RunContext(base));
    }

    /** The indexed, immutable part of a run shared by its chunks (any number of threads at once). */
    public static final class Prepared {
        private final CalculationInput base;
        private final RunContext context;

        private Prepared(CalculationInput base, RunContext context) {
            this.base = base;
            this.context = context;
        }
    }

    /** One chunk of a prepared run: these payees, crediting these transactions. */
    public CalculationResult calculate(Prepared run, List<Transaction> transactions, Set<PersonId> payees) {
        return calculate(new RunContext(run.context, transactions), run.base.forChunk(transactions, payees));
    }

    private CalculationResult calculate(RunContext ctx, CalculationInput input) {
        List<String> issues = Collections.synchronizedList(
                new ArrayList<>(ctx.crediting.index().issues()));
        issues.addAll(ctx.returns.problems());
        for (PlanAssignment a : input.assignments()) {
            if (!ctx.plans.containsKey(a.planId())) {
                issues.add("assignment of " + a.person() + " names unknown plan '" + a.planId() + "'");
            }
            if (!ctx.people.containsKey(a.person())) {
                issues.add("assignment names unknown person '" + a.person() + "'");
            }
        }
        List<PayeePeriodResult> statements = new ArrayList<>();
        for (PersonId payee : payees(input, ctx)) {
            statements.addAll(new PayeeCalculator(ctx, payee, issues)
                    .run(input.periods(), input.openingLedger().get(payee)));
        }
        List<String> sortedIssues = new ArrayList<>(new TreeSet<>(issues));
        return new CalculationResult(statements, ctx.crediting.exclusions(), sortedIssues);
    }

    private static Set<PersonId> payees(CalculationInput input, RunContext ctx) {
        Set<PersonId> payees = new TreeSet<>();
        for (PlanAssignment a : input.assignments()) {
            if (ctx.people.containsKey(a.person())
                    && ctx.plans.containsKey(a.planId())
                    && (input.payees().isEmpty() || input.payees().contains(a.person()))) {
                payees.add(a.person());
            }
        }
        return payees;
    }
}
