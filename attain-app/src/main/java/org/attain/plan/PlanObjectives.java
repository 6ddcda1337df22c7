package org.attain.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.attain.engine.plan.CompiledPlan;
import org.attain.engine.plan.Component;
import org.attain.engine.plan.MboComponent;
import org.attain.engine.plan.Objective;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The MBO objectives a person is paid on in a date range: those of the {@code kind: mbo} components of the plans
 * assigned to them then (the latest version of each, as runs pay). What a manager scores; the plan is their source.
 */
@Service
public class PlanObjectives {

    private final JdbcClient jdbc;
    private final Plans plans;

    PlanObjectives(JdbcClient jdbc, Plans plans) {
        this.jdbc = jdbc;
        this.plans = plans;
    }

    /** One objective of one MBO component: its id (what a score names), weight and highest score counted. */
    public record PlanObjective(
            String planKey,
            String planName,
            String component,
            String objective,
            BigDecimal weight,
            BigDecimal maxScore) {}

    /** The person's objectives in {@code [first, last]}, in plan and component order; an objective id once. */
    public List<PlanObjective> of(long personId, LocalDate first, LocalDate last) {
        Set<String> keys = new LinkedHashSet<>(jdbc.sql("""
                        select plan_key from plan_assignment
                        where person_id = :p and valid_from <= :last and (valid_until is null or valid_until > :first)
                        order by plan_key""")
                .param("p", personId)
                .param("first", first)
                .param("last", last)
                .query(String.class)
                .list());
        List<PlanObjective> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (String key : keys) {
            List<Plans.PlanVersion> versions = plans.versions(key);
            if (versions.isEmpty()) {
                continue;
            }
            CompiledPlan plan = plans.compiled(versions.get(versions.size() - 1));
            for (Component c : plan.components()) {
                if (c instanceof MboComponent mbo) {
                    for (Objective o : mbo.objectives()) {
                        if (seen.add(o.kpi())) {
                            out.add(new PlanObjective(key, plan.name(), c.id(), o.kpi(), o.weight(), o.maxScore()));
                        }
                    }
                }
            }
        }
        return out;
    }
}
