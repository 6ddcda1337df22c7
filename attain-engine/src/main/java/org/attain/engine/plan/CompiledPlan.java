package org.attain.engine.plan;

import java.util.List;
import java.util.Optional;
import org.attain.engine.money.CurrencyUnit;
import org.attain.engine.time.DateRange;
import org.attain.engine.time.PeriodKind;

/**
 * A validated, immutable plan ready to calculate with. {@code frequency} empty means the plan pays on
 * whatever periods it is asked for; {@code quotaMeasure} is the measure attainment is computed on;
 * {@code measurement} (empty: the paying period itself) is the longer period a plan paid more often measures.
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
        String source,
        Optional<PeriodKind> measurement)
        implements java.io.Serializable {

    public CompiledPlan {
        measures = List.copyOf(measures);
        components = List.copyOf(components);
        measurement = measurement == null ? Optional.empty() : measurement;
    }

    /** {@link Optional} is not serializable: the plan travels with its optional kinds as nullable values. */
    private Object writeReplace() {
        return new Shipped(
                id,
                name,
                version,
                currency,
                frequency.orElse(null),
                effective,
                measures,
                quotaMeasure,
                components,
                payout,
                source,
                measurement.orElse(null));
    }

    private record Shipped(
            String id,
            String name,
            String version,
            CurrencyUnit currency,
            PeriodKind frequency,
            DateRange effective,
            List<Measure> measures,
            String quotaMeasure,
            List<Component> components,
            PayoutRules payout,
            String source,
            PeriodKind measurement)
            implements java.io.Serializable {
        private Object readResolve() {
            return new CompiledPlan(
                    id,
                    name,
                    version,
                    currency,
                    Optional.ofNullable(frequency),
                    effective,
                    measures,
                    quotaMeasure,
                    components,
                    payout,
                    source,
                    Optional.ofNullable(measurement));
        }
    }

    /** A plan measured on the period it pays on (no {@code measurement:} of its own). */
    public CompiledPlan(
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
        this(
                id,
                name,
                version,
                currency,
                frequency,
                effective,
                measures,
                quotaMeasure,
                components,
                payout,
                source,
                Optional.empty());
    }

    /**
     * The longer period a plan paying on {@code kind} measures, when it pays more often than it measures
     * ({@code frequency: month, measurement: quarter}): each payment is a true-up of the measurement
     * period to date. Empty when the plan measures each period on its own.
     */
    public Optional<PeriodKind> measuredOver(PeriodKind kind) {
        return measurement.filter(m -> m.compareTo(kind) > 0);
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
