package org.attain.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.attain.calcinputs.CalcInputContributor;
import org.attain.engine.calc.CalculationInput;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.PlanAssignment;
import org.attain.engine.plan.CompiledPlan;
import org.attain.engine.time.DateRange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Adds every version of every plan, compiled and each in force from its effective date (the engine pays each
 * deal by the version in force on its credit date), and the plan assignments to a run's snapshot, and
 * tells the run which versions it compiled (the run records them, so an export can say which version
 * paid a line). A run over a few payees gets only their assignments.
 */
@Component
class PlansForCalculation implements CalcInputContributor {

    private final JdbcClient jdbc;
    private final Plans plans;

    PlansForCalculation(JdbcClient jdbc, Plans plans) {
        this.jdbc = jdbc;
        this.plans = plans;
    }

    @Override
    public void contribute(CalculationInput.Builder input, Scope run) {
        CompiledLatest latest = compiledPlans();
        latest.plans().forEach(input::plan);
        run.planVersions(latest.versionIds());
        String onlyThem = run.everyone() ? "" : " where person_id = any(:ids)";
        jdbc.sql("select person_id, plan_key, valid_from, valid_until from plan_assignment" + onlyThem)
                .params(run.everyone() ? Map.of() : Map.of("ids", run.payees().toArray(Long[]::new)))
                .query((rs, n) -> new PlanAssignment(
                        PersonId.of(Long.toString(rs.getLong(1))),
                        rs.getString(2),
                        range(rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class))))
                .list()
                .forEach(input::assignment);
    }

    private record CompiledLatest(List<Long> versionIds, List<CompiledPlan> plans) {}

    private volatile CompiledLatest compiledLatest;

    /**
     * Published versions never change, so the compiled plans are kept until another version is published
     * instead of compiling YAML and CEL again for every single-deal recalculation.
     */
    private CompiledLatest compiledPlans() {
        List<Plans.PlanVersion> latest = plans.versionsInForce();
        List<Long> ids = latest.stream().map(Plans.PlanVersion::id).toList();
        CompiledLatest cached = compiledLatest;
        if (cached != null && cached.versionIds().equals(ids)) {
            return cached;
        }
        CompiledLatest compiled = new CompiledLatest(
                ids, latest.stream().map(plans::compiledInForce).toList());
        compiledLatest = compiled;
        return compiled;
    }

    private static DateRange range(LocalDate from, LocalDate until) {
        return new DateRange(from, until == null ? OPEN_END : until.minusDays(1));
    }
}
