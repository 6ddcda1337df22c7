package org.attain.engine.plan;

import java.util.List;
import java.util.Optional;
import org.attain.engine.money.CurrencyUnit;
import org.attain.engine.time.DateRange;
import org.attain.engine.time.PeriodKind;

/**
 * A validated, immutable plan ready to calculate with. {@code frequency} empty means the plan pays on
 * whatever periods it is asked for; {@code quotaMeasure} is the measure attainment is computed on.
 */
public record CompiledPlan(
        String id,
        String name,
        String version,
        CurrencyUnit currency,
        Optional<PeriodKind> frequency,
        DateRange effective,
        List<Measure> measures,
        String quotaMeasure,
        List<Component> components,
        PayoutRules payout,
        String source) {

    public CompiledPlan {
        measures = List.copyOf(measures);
        components = List.copyOf(components);
    }

    public Measure measure(String measureId) {
        for (Measure m : measures) {
            if (m.id().equals(measureId)) {
                return m;
            }
        }
        throw new IllegalArgumentException("plan " + id + " has no measure " + measureId);
    }

    /** True when some component is paid on pod attainment, i.e. the plan reads team memberships and quotas. */
    public boolean paysOnPods() {
        for (Component c : components) {
            if (c.basics().pod() != null) {
                return true;
            }
        }
        return false;
    }

    public boolean paysOn(PeriodKind kind) {
        return frequency.map(f -> f == kind).orElse(true);
    }
}
