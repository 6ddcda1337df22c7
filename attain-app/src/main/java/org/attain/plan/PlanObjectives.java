package org.attain.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
        return ofEach(List.of(personId), first, last).getOrDefault(personId, List.of());
    }

    /**
     * {@link #of} for several people in one read of their assignments, each plan's objectives worked out once:
     * people without any are left out of the map.
     */
    public Map<Long, List<PlanObjective>> ofEach(Collection<Long> personIds, LocalDate first, LocalDate last) {
        Map<Long, Set<String>> keysOf = new LinkedHashMap<>();
        jdbc.sql("""
                        select person_id, plan_key from plan_assignment
                        where person_id = any(:p) and valid_from <= :last and (valid_until is null or valid_until > :first)
                        order by person_id, plan_key""")
                .param("p", personIds.toArray(Long[]::new))
                .param("first", first)
                .param("last", last)
                .query(rs -> {
                    keysOf.computeIfAbsent(rs.getLong(1), k -> new LinkedHashSet<>())
                            .add(rs.getString(2));
                });
        Map<String, List<PlanObjective>> ofPlan = new HashMap<>();
        Map<Long, List<PlanObjective>> out = new LinkedHashMap<>();
        keysOf.forEach((person, keys) -> {
            List<PlanObjective> own = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String key : keys) {
                for (PlanObjective o : ofPlan.computeIfAbsent(key, this::objectivesOf)) {
                    if (seen.add(o.objective())) {
                        own.add(o);
                    }
                }
            }
            if (!own.isEmpty()) {
                out.put(person, own);
            }
        });
        return out;
    }

    /** The MBO objectives of a plan's latest version, in component order. */
    private List<PlanObjective> objectivesOf(String key) {
        List<Plans.PlanVersion> versions = plans.versions(key);
        if (versions.isEmpty()) {
            return List.of();
        }
        CompiledPlan plan = plans.compiled(versions.get(versions.size() - 1));
        List<PlanObjective> out = new ArrayList<>();
        for (Component c : plan.components()) {
            if (c instanceof MboComponent mbo) {
                for (Objective o : mbo.objectives()) {
                    out.add(new PlanObjective(key, plan.name(), c.id(), o.kpi(), o.weight(), o.maxScore()));
                }
            }
        }
        return out;
    }
}
