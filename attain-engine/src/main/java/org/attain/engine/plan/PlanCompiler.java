package org.attain.engine.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.attain.engine.cel.CelConditions;
import org.attain.engine.cel.DataDictionary;
import org.attain.engine.money.CurrencyUnit;
import org.attain.engine.money.Money;
import org.attain.engine.time.DateRange;
import org.attain.engine.time.PeriodKind;
import org.attain.engine.yaml.MapReader;
import org.attain.engine.yaml.Problems;
import org.attain.engine.yaml.SourceProblem;
import org.attain.engine.yaml.YamlDocument;
import org.attain.engine.yaml.YamlNode;

/**
 * Turns a plan document (YAML) into a {@link CompiledPlan}, or reports every problem with source name,
 * line, column and reason. Thread-safe and reusable: it holds only the immutable CEL environments, which
 * are worth building once.
 *
 * <p>{@code new PlanCompiler()} does not check the fields conditions read (how a published plan is
 * compiled for a run); {@link #checking} gives one that does, against a data dictionary, for authors.
 */
public final class PlanCompiler {

    private final CelConditions cel;

    public PlanCompiler() {
        this(new CelConditions());
    }

    public PlanCompiler(CelConditions cel) {
        this.cel = cel;
    }

    public CelConditions cel() {
        return cel;
    }

    /** A compiler that also rejects conditions reading fields {@code dictionary} does not have, or mistyped. */
    public PlanCompiler checking(DataDictionary dictionary) {
        CelConditions checked = cel.checking(dictionary);
        return checked == cel ? this : new PlanCompiler(checked);
    }

    /** The dictionary conditions are checked against; empty when they are not checked. */
    public Optional<DataDictionary> dictionary() {
        return cel.dictionary();
    }

    /** Compiles plan text; {@code sourceName} (file name, plan id) prefixes every problem. */
    public PlanCompilation compile(String sourceName, String yamlText) {
        Problems problems = new Problems();
        Optional<YamlNode> root = YamlDocument.parse(sourceName, yamlText, problems);
        if (root.isEmpty()) {
            return new PlanCompilation(Optional.empty(), problems.list());
        }
        return compile(root.get(), null);
    }

    /**
     * Compiles a plan mapping already parsed, e.g. inline in a scenario file. {@code defaultCurrency}
     * (nullable) is used when the plan does not name its currency.
     */
    public PlanCompilation compile(YamlNode planNode, CurrencyUnit defaultCurrency) {
        Problems problems = new Problems();
        CompiledPlan plan = read(planNode, defaultCurrency, problems);
        List<SourceProblem> found = problems.list();
        return found.isEmpty() && plan != null
                ? new PlanCompilation(Optional.of(plan), List.of())
                : new PlanCompilation(Optional.empty(), found);
    }

    private CompiledPlan read(YamlNode node, CurrencyUnit defaultCurrency, Problems problems) {
        MapReader plan = MapReader.of(node, "a plan", problems);
        Optional<String> name = plan.string("name");
        String id =
                plan.string("id").orElseGet(() -> name.map(PlanCompiler::slug).orElse(""));
        if (id.isBlank()) {
            problems.add(node, "missing required field 'id' (or a 'name' to derive it from)");
        }
        String version = plan.string("version").orElse("1");
        CurrencyUnit currency = plan.optional("currency")
                .flatMap(n -> plan.parse(n, "currency", "an ISO currency code like USD", CurrencyUnit::of))
                .orElse(defaultCurrency);
        if (currency == null) {
            problems.add(node, "missing required field 'currency'");
            currency = CurrencyUnit.of("USD");
        }
        Optional<PeriodKind> frequency = plan.optional("frequency")
                .flatMap(n -> plan.parse(n, "frequency", "month, quarter or year", PeriodKind::parse));
        Optional<PeriodKind> measurement = MeasurementReader.read(plan, frequency, problems);
        DateRange effective = plan.optional("effective")
                .map(n -> dateRange(n, "effective", problems))
                .orElse(DateRange.always());

        List<Measure> measures = new ArrayList<>();
        MeasureReader measureReader = new MeasureReader(cel, problems);
        for (YamlNode m : plan.list("measures")) {
            measureReader.read(m).ifPresent(measures::add);
        }
        if (measures.isEmpty()) {
            measures.add(Measure.bookings());
        }
        Set<String> measureIds = new HashSet<>();
        for (Measure m : measures) {
            if (!measureIds.add(m.id())) {
                problems.add(node.keyLocation("measures"), "measure id '" + m.id() + "' is used twice");
            }
        }
        String quotaMeasure =
                plan.string("quota_measure").orElse(measures.get(0).id());
        if (!measureIds.contains(quotaMeasure)) {
            problems.add(
                    node.keyLocation("quota_measure"),
                    "quota_measure '" + quotaMeasure + "' is not a measure of this plan");
        }

        ComponentReader componentReader = new ComponentReader(
                cel, problems, currency, measureIds, measures.get(0).id());
        List<Component> components = new ArrayList<>();
        Set<String> componentIds = new HashSet<>();
        Optional<YamlNode> componentList = plan.required("components");
        if (componentList.isPresent()
                && (!componentList.get().isSequence()
                        || componentList.get().items().isEmpty())) {
            problems.add(componentList.get(), "'components' must be a non-empty list");
        }
        for (YamlNode c : plan.list("components")) {
            componentReader.read(c).ifPresent(component -> {
                if (!componentIds.add(component.id())) {
                    problems.add(c, "component id '" + component.id() + "' is used twice");
                }
                components.add(component);
                measurement
                        .filter(m -> m.compareTo(frequency.get()) > 0)
                        .ifPresent(m -> MeasurementReader.component(c, component, m, problems));
            });
        }
        PayoutRules payout = readPayout(plan, currency, problems);
        plan.rejectUnknownKeys();
        return new CompiledPlan(
                id,
                name.orElse(id),
                version,
                currency,
                frequency,
                effective,
                measures,
                quotaMeasure,
                components,
                payout,
                node.location().source(),
                measurement);
    }

    private PayoutRules readPayout(MapReader plan, CurrencyUnit currency, Problems problems) {
        ClawbackPolicy clawback = plan.optional("clawback")
                .map(n -> {
                    MapReader r = MapReader.of(n, "clawback", problems);
                    int days = r.integer("window_days").orElse(Integer.MAX_VALUE);
                    BigDecimal share = r.decimal("share").orElse(BigDecimal.ONE);
                    r.rejectUnknownKeys();
                    return new ClawbackPolicy(days, share);
                })
                .orElse(null);
        HoldbackPolicy holdback = plan.optional("holdback")
                .map(n -> {
                    MapReader r = MapReader.of(n, "holdback", problems);
                    BigDecimal share = r.requiredDecimal("share").orElse(BigDecimal.ZERO);
                    String releaseOn = r.requiredString("release_on").orElse("invoice_paid");
                    r.rejectUnknownKeys();
                    return new HoldbackPolicy(share, releaseOn);
                })
                .orElse(null);
        DrawPolicy draw = plan.optional("draw")
                .map(n -> draw(n, "draw", currency, problems, null))
                .orElse(null);
        DrawPolicy guarantee = plan.optional("guarantee")
                .map(n -> draw(n, "guarantee", currency, problems, false))
                .orElse(null);
        NegativeBalance negative = plan.optional("negative_balance")
                .flatMap(n -> plan.parse(
                        n,
                        "negative_balance",
                        "carry_forward or write_off",
                        s -> NegativeBalance.valueOf(s.toUpperCase(Locale.ROOT))))
                .orElse(NegativeBalance.CARRY_FORWARD);
        ReturnPolicy returns = plan.optional("returns")
                .flatMap(n -> plan.parse(
                        n, "returns", "claw_back_original_commission or reduce_attainment", PlanCompiler::returnPolicy))
                .orElse(ReturnPolicy.CLAW_BACK_ORIGINAL_COMMISSION);
        return new PayoutRules(clawback, holdback, draw, guarantee, negative, returns);
    }

    private static ReturnPolicy returnPolicy(String text) {
        for (ReturnPolicy p : ReturnPolicy.values()) {
            if (p.name().equalsIgnoreCase(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "must be claw_back_original_commission or reduce_attainment, not '" + text + "'");
    }

    private static DrawPolicy draw(
            YamlNode n, String what, CurrencyUnit currency, Problems problems, Boolean recoverable) {
        MapReader r = MapReader.of(n, what, problems);
        BigDecimal amount = r.requiredDecimal("amount_per_period").orElse(BigDecimal.ZERO);
        boolean isRecoverable =
                recoverable != null ? recoverable : r.bool("recoverable").orElse(false);
        LocalDate from = r.date("from").orElse(LocalDate.MIN);
        LocalDate to = r.date("to").orElse(LocalDate.MAX);
        r.rejectUnknownKeys();
        return new DrawPolicy(
                Money.of(amount, currency), isRecoverable, new DateRange(from, to.isBefore(from) ? from : to));
    }

    static DateRange dateRange(YamlNode n, String what, Problems problems) {
        MapReader r = MapReader.of(n, what, problems);
        LocalDate from = r.date("from").orElse(LocalDate.MIN);
        LocalDate to = r.date("to").orElse(LocalDate.MAX);
        r.rejectUnknownKeys();
        if (to.isBefore(from)) {
            problems.add(n, "'" + what + "' ends before it starts");
            return DateRange.always();
        }
        return new DateRange(from, to);
    }

    static String slug(String name) {
        return name.trim()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
    }
}
