package org.attain.engine.plan;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.attain.engine.time.PeriodKind;
import org.attain.engine.yaml.MapReader;
import org.attain.engine.yaml.Problems;
import org.attain.engine.yaml.YamlNode;

/**
 * Reads a plan's {@code measurement:} (the period attainment and tiers are measured over) against its
 * {@code frequency:} (how often it pays), and refuses what a paid-more-often plan cannot do yet. With
 * months, quarters and fiscal years every shorter period divides a longer one, so "does not divide" can
 * only be a period the plan language does not know (refused by the parse, naming the field).
 */
final class MeasurementReader {

    private MeasurementReader() {}

    static Optional<PeriodKind> read(MapReader plan, Optional<PeriodKind> frequency, Problems problems) {
        Optional<YamlNode> node = plan.optional("measurement");
        if (node.isEmpty()) {
            return Optional.empty();
        }
        Optional<PeriodKind> measurement =
                plan.parse(node.get(), "measurement", "month, quarter or year", PeriodKind::parse);
        if (measurement.isEmpty()) {
            return Optional.empty();
        }
        String measured = word(measurement.get());
        if (frequency.isEmpty()) {
            problems.add(
                    plan.node().keyLocation("measurement"),
                    "'measurement: " + measured
                            + "' needs 'frequency' (how often the plan pays), e.g. frequency: month",
                    "plan.payfreq.noFrequency",
                    List.of(measured));
            return Optional.empty();
        }
        String paid = word(frequency.get());
        if (frequency.get().compareTo(measurement.get()) > 0) {
            problems.add(
                    plan.node().keyLocation("frequency"),
                    "'frequency: " + paid + "' is longer than 'measurement: " + measured
                            + "': a plan pays once per measurement period or more often (month, quarter or year)",
                    "plan.payfreq.longer",
                    List.of(paid, measured));
            return Optional.empty();
        }
        return measurement;
    }

    /** Refuses the components a plan paid more often than it measures cannot pay (yet), at their field. */
    static void component(YamlNode node, Component component, PeriodKind measurement, Problems problems) {
        String measured = word(measurement);
        if (component instanceof TieredComponent t && t.cumulation() != Cumulation.PERIOD) {
            problems.add(
                    node.keyLocation("cumulative"),
                    "'cumulative' is already given by the plan's 'measurement: " + measured + "' (tiers are on the "
                            + measured + " to date); leave it out",
                    "plan.payfreq.cumulative",
                    List.of(measured));
        }
        if (component instanceof MboComponent) {
            problems.add(
                    node.keyLocation("kind"),
                    "an mbo component is scored per period and cannot be paid as a 'measurement: " + measured
                            + "' true-up; put it in a plan without 'measurement'",
                    "plan.payfreq.mbo",
                    List.of(measured));
        }
        if (component.basics().pod() != null) {
            problems.add(
                    node.keyLocation("attainment"),
                    "'attainment: pod' is not supported in a plan with 'measurement: " + measured + "' yet",
                    "plan.payfreq.pod",
                    List.of(measured));
        }
    }

    static String word(PeriodKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
