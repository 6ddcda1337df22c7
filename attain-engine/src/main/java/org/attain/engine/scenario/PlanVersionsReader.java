package org.attain.engine.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attain.engine.money.CurrencyUnit;
import org.attain.engine.plan.CompiledPlan;
import org.attain.engine.plan.PlanCompilation;
import org.attain.engine.plan.PlanCompiler;
import org.attain.engine.plan.PlanVersions;
import org.attain.engine.time.DateRange;
import org.attain.engine.yaml.MapReader;
import org.attain.engine.yaml.Problems;
import org.attain.engine.yaml.SourceLocation;
import org.attain.engine.yaml.YamlNode;

/**
 * Reads a plan written with {@code versions:}: the plan's keys outside the list are shared, each version
 * lists {@code version}, {@code effective_from}, optionally {@code published_on}, and the plan keys it sets
 * (usually {@code components}). A version effective before the first listed one, two versions with the same
 * number or the same first day: errors naming the line and field.
 */
final class PlanVersionsReader {

    static final String KEY = "versions";
    private static final List<String> OWN_KEYS = List.of("version", "effective_from", "published_on");

    private final PlanCompiler compiler;
    private final Problems problems;

    PlanVersionsReader(PlanCompiler compiler, Problems problems) {
        this.compiler = compiler;
        this.problems = problems;
    }

    static boolean hasVersions(YamlNode plan) {
        return plan.isMapping() && plan.entries().containsKey(KEY);
    }

    List<CompiledPlan> read(YamlNode plan, CurrencyUnit currency) {
        YamlNode list = plan.entries().get(KEY);
        if (!list.isSequence() || list.items().isEmpty()) {
            problems.add(plan.keyLocation(KEY), "'versions' must be a non-empty list of plan versions");
            return List.of();
        }
        for (String shared : List.of("version", "effective")) {
            if (plan.entries().containsKey(shared)) {
                problems.add(
                        plan.keyLocation(shared),
                        "a plan with 'versions' sets '" + shared
                                + "' in each version ('version' and 'effective_from'), not on the plan");
            }
        }
        List<CompiledPlan> versions = new ArrayList<>();
        Map<String, SourceLocation> numbers = new HashMap<>();
        Map<LocalDate, String> firstDays = new HashMap<>();
        LocalDate firstEffective = null;
        String firstVersion = null;
        for (YamlNode entry : list.items()) {
            MapReader r = MapReader.of(entry, "a plan version", problems);
            Optional<String> number = r.requiredString("version");
            Optional<LocalDate> from = r.requiredDate("effective_from");
            r.date("published_on");
            if (!entry.isMapping() || number.isEmpty() || from.isEmpty()) {
                continue;
            }
            SourceLocation earlier = numbers.putIfAbsent(number.get(), entry.keyLocation("version"));
            if (earlier != null) {
                problems.add(
                        entry.keyLocation("version"),
                        "version " + number.get() + " is listed twice (first at line " + earlier.line() + ")");
                continue;
            }
            if (firstEffective == null) {
                firstEffective = from.get();
                firstVersion = number.get();
            } else if (from.get().isBefore(firstEffective)) {
                problems.add(
                        entry.keyLocation("effective_from"),
                        "'effective_from' " + from.get() + " of version " + number.get()
                                + " is before the plan's first version (version " + firstVersion
                                + ", effective from " + firstEffective + ")");
                continue;
            }
            String sameDay = firstDays.putIfAbsent(from.get(), number.get());
            if (sameDay != null) {
                problems.add(
                        entry.keyLocation("effective_from"),
                        "versions " + sameDay + " and " + number.get() + " are both effective from " + from.get());
                continue;
            }
            compile(plan, entry, currency)
                    .ifPresent(p -> versions.add(new CompiledPlan(
                            p.id(),
                            p.name(),
                            number.get(),
                            p.currency(),
                            p.frequency(),
                            DateRange.from(from.get()),
                            p.measures(),
                            p.quotaMeasure(),
                            p.components(),
                            p.payout(),
                            p.source(),
                            p.measurement())));
        }
        return PlanVersions.inForce(versions);
    }

    /** The plan's shared keys with this version's keys over them, compiled as one plan document. */
    private Optional<CompiledPlan> compile(YamlNode plan, YamlNode version, CurrencyUnit currency) {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        Map<String, SourceLocation> keys = new LinkedHashMap<>();
        plan.entries().forEach((k, v) -> {
            if (!k.equals(KEY)) {
                entries.put(k, v);
                keys.put(k, plan.keyLocation(k));
            }
        });
        version.entries().forEach((k, v) -> {
            if (!OWN_KEYS.contains(k)) {
                entries.put(k, v);
                keys.put(k, version.keyLocation(k));
            }
        });
        PlanCompilation compiled = compiler.compile(YamlNode.mapping(entries, keys, version.location()), currency);
        compiled.problems().forEach(problems::add);
        return compiled.plan();
    }
}
