package org.attain.engine.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.attain.engine.cel.CelConditions;
import org.attain.engine.cel.DealCondition;
import org.attain.engine.cel.PeriodCondition;
import org.attain.engine.money.CurrencyUnit;
import org.attain.engine.money.Money;
import org.attain.engine.time.DateRange;
import org.attain.engine.yaml.MapReader;
import org.attain.engine.yaml.Problems;
import org.attain.engine.yaml.SourceLocation;
import org.attain.engine.yaml.Vocabulary;
import org.attain.engine.yaml.YamlNode;

/** Reads one component of any kind and checks what a comp admin most often gets wrong (tier gaps, weights). */
final class ComponentReader {

    private final Problems problems;
    private final Expressions expressions;
    private final CurrencyUnit currency;
    private final Set<String> measureIds;
    private final String defaultMeasure;

    ComponentReader(
            CelConditions cel,
            Problems problems,
            CurrencyUnit currency,
            Set<String> measureIds,
            String defaultMeasure) {
        this.problems = problems;
        this.expressions = new Expressions(cel, problems);
        this.currency = currency;
        this.measureIds = measureIds;
        this.defaultMeasure = defaultMeasure;
    }

    /** The component kinds the switch below reads (what an editor offers after {@code kind:}). */
    static final List<String> KINDS =
            List.of("rate", "tiered", "bonus", "curve", "per_deal_amount", "spiff", "mbo", "rate_table");

    Optional<Component> read(YamlNode node) {
        MapReader c = MapReader.of(node, "a component", problems);
        Optional<String> id = c.requiredString("id");
        Optional<String> kind = c.requiredString("kind");
        Vocabulary.values("kind", KINDS);
        String measure = c.string("measure").orElse(defaultMeasure);
        if (!measureIds.contains(measure)) {
            problems.add(node.keyLocation("measure"), "measure '" + measure + "' is not defined in this plan");
        }
        Money cap = money(c, "cap_per_period");
        Money floor = money(c, "floor_per_period");
        Money capPerDeal = money(c, "cap_per_deal");
        DateRange window = c.optional("window")
                .map(n -> PlanCompiler.dateRange(n, "window", problems))
                .orElse(null);
        boolean dealLevelWhen =
                kind.map(k -> k.equals("per_deal_amount") || k.equals("spiff")).orElse(false);
        PeriodCondition gate = dealLevelWhen ? null : expressions.period(c, "when", measureIds);
        PodTerms pod = pod(c, kind.orElse(""));
        ComponentBasics basics =
                new ComponentBasics(id.orElse("?"), measure, gate, cap, floor, capPerDeal, window, pod);
        Component component = kind.map(k -> switch (k) {
                    case "rate" -> rate(c, basics);
                    case "tiered" -> tiered(c, basics);
                    case "bonus" -> bonus(c, basics);
                    case "curve" -> curve(c, basics);
                    case "per_deal_amount", "spiff" -> perDeal(c, basics);
                    case "mbo" -> mbo(c, basics);
                    case "rate_table" -> new RateTableReader(problems).read(c, basics);
                    default -> {
                        problems.add(
                                node.keyLocation("kind"),
                                "unknown component kind '" + k
                                        + "' (rate, tiered, bonus, curve, per_deal_amount, mbo, rate_table)");
                        yield null;
                    }
                })
                .orElse(null);
        c.rejectUnknownKeys();
        return id.isPresent() ? Optional.ofNullable(component) : Optional.empty();
    }

    /**
     * {@code attainment: pod} pays the component on the pod's combined credits and quota; {@code prorate:
     * by_days_in_pod} shrinks a part-period member's pay. Only components that read a measure total or an
     * attainment can be on a pod, and to-date pod tiers are not supported yet, so both are refused here.
     */
    private PodTerms pod(MapReader c, String kind) {
        Optional<String> attainment = c.optional("attainment")
                .flatMap(n -> c.parse(n, "attainment", "self or pod", s -> {
                    if (!s.equals("self") && !s.equals("pod")) {
                        throw new IllegalArgumentException(s);
                    }
                    return s;
                }));
        Optional<PodTerms.PodProration> proration = c.optional("prorate")
                .flatMap(n -> c.parse(n, "prorate", "none or by_days_in_pod", s -> switch (s) {
                    case "none" -> PodTerms.PodProration.NONE;
                    case "by_days_in_pod" -> PodTerms.PodProration.BY_DAYS_IN_POD;
                    default -> throw new IllegalArgumentException(s);
                }));
        boolean onPod = attainment.map("pod"::equals).orElse(false);
        if (!onPod) {
            if (proration.isPresent()) {
                problems.add(
                        c.node().keyLocation("prorate"),
                        "'prorate' applies only to a component with 'attainment: pod' (a member's share of the pod's pay)");
            }
            return null;
        }
        if (!Set.of("rate", "tiered", "bonus", "curve").contains(kind)) {
            problems.add(
                    c.node().keyLocation("attainment"),
                    "'attainment: pod' applies to rate, tiered, bonus and curve" + " components, not to '" + kind
                            + "'");
            return null;
        }
        if (kind.equals("tiered")
                && c.string("cumulative").filter(s -> !s.equals("period")).isPresent()) {
            problems.add(
                    c.node().keyLocation("cumulative"),
                    "a tiered component on 'attainment: pod' is computed per period; 'cumulative' qtd/ytd is not supported on pods");
        }
        return new PodTerms(proration.orElse(PodTerms.PodProration.NONE));
    }

    private Component rate(MapReader c, ComponentBasics basics) {
        return new RateComponent(basics, c.requiredDecimal("rate").orElse(BigDecimal.ZERO));
    }

    private Component tiered(MapReader c, ComponentBasics basics) {
        TierMode mode = c.optional("tier_mode")
                .flatMap(n ->
                        c.parse(n, "tier_mode", "marginal or slab", s -> TierMode.valueOf(s.toUpperCase(Locale.ROOT))))
                .orElse(TierMode.MARGINAL);
        TierBasis basis = basis(c, "tiers_on");
        Cumulation cumulation = c.optional("cumulative")
                .flatMap(n -> c.parse(n, "cumulative", "period, qtd or ytd", s -> switch (s) {
                    case "period" -> Cumulation.PERIOD;
                    case "qtd" -> Cumulation.QUARTER_TO_DATE;
                    case "ytd" -> Cumulation.YEAR_TO_DATE;
                    default -> throw new IllegalArgumentException(s);
                }))
                .orElse(Cumulation.PERIOD);
        List<Tier> tiers = new ArrayList<>();
        List<YamlNode> nodes = c.list("tiers");
        if (nodes.isEmpty()) {
            // at the (empty) table when it is written, so the builder shows the error beside it
            problems.add(
                    c.node().keyLocation("tiers"),
                    "a tiered component needs 'tiers'",
                    "plan.tiered.noTiers",
                    List.of());
        }
        for (int i = 0; i < nodes.size(); i++) {
            MapReader t = MapReader.of(nodes.get(i), "a tier", problems);
            BigDecimal from = t.requiredDecimal("from").orElse(BigDecimal.ZERO);
            BigDecimal to = t.decimal("to").orElse(null);
            BigDecimal rate = t.requiredDecimal("rate").orElse(BigDecimal.ZERO);
            t.rejectUnknownKeys();
            if (to != null && to.compareTo(from) <= 0) {
                problems.add(nodes.get(i), "tier ends at or before it starts (" + from + " .. " + to + ")");
            }
            if (!tiers.isEmpty()) {
                Tier previous = tiers.get(tiers.size() - 1);
                if (previous.to() == null || previous.to().compareTo(from) != 0) {
                    problems.add(
                            nodes.get(i),
                            "tiers must be contiguous: this tier starts at " + from.toPlainString()
                                    + " but the one before ends at "
                                    + (previous.to() == null
                                            ? "no upper bound"
                                            : previous.to().toPlainString()));
                }
            }
            if (to == null && i != nodes.size() - 1) {
                problems.add(nodes.get(i), "only the last tier may be open-ended");
            }
            tiers.add(new Tier(from, to, rate));
        }
        if (!tiers.isEmpty() && tiers.get(tiers.size() - 1).to() != null) {
            problems.add(nodes.get(nodes.size() - 1), "the last tier must be open-ended (leave out 'to')");
        }
        return new TieredComponent(basics, new TierTable(tiers), mode, basis, cumulation);
    }

    private Component bonus(MapReader c, ComponentBasics basics) {
        if (basics.gate() == null && !c.has("when")) {
            problems.add(c.node(), "a bonus needs a 'when' condition, e.g. \"attainment >= 1.00\"");
        }
        BigDecimal share = shareOfTargetIncentive(c, basics, "amount");
        return share != null
                ? new BonusComponent(basics, Money.zero(currency), share)
                : new BonusComponent(basics, requiredMoney(c, "amount"));
    }

    /**
     * {@code share_of_target_incentive} in place of a fixed amount ({@code instead}): the share of each payee's target
     * incentive for the period; null when the component names a fixed amount.
     */
    private BigDecimal shareOfTargetIncentive(MapReader c, ComponentBasics basics, String instead) {
        if (!c.has("share_of_target_incentive")) {
            return null;
        }
        SourceLocation at = c.node().keyLocation("share_of_target_incentive");
        if (c.has(instead)) {
            problems.add(
                    c.node().keyLocation(instead),
                    "give either '" + instead + "' or 'share_of_target_incentive', not both",
                    "plan.ote.amountOrShare",
                    List.of(instead));
        }
        if (basics.pod() != null) {
            problems.add(
                    at,
                    "'share_of_target_incentive' is paid on the payee's own target incentive, not on 'attainment: pod'",
                    "plan.ote.sharePod",
                    List.of());
        }
        BigDecimal share = c.decimal("share_of_target_incentive").orElse(BigDecimal.ZERO);
        if (share.signum() < 0) {
            problems.add(
                    at,
                    "'share_of_target_incentive' must not be negative: " + share.toPlainString(),
                    "plan.ote.negativeShare",
                    List.of(share.toPlainString()));
        }
        return share;
    }

    private Component curve(MapReader c, ComponentBasics basics) {
        TierBasis basis = basis(c, "curve_on");
        CurveTerms terms = curveTerms(c, basics);
        List<CurvePoint> points = new ArrayList<>();
        for (YamlNode n : c.list("points")) {
            MapReader p = MapReader.of(n, "a curve point", problems);
            BigDecimal at = p.requiredDecimal("at").orElse(BigDecimal.ZERO);
            CurvePoint point;
            if (terms.paysShares()) {
                BigDecimal share = p.requiredDecimal("share").orElse(BigDecimal.ZERO);
                if (share.signum() < 0) {
                    problems.add(n.keyLocation("share"), "a curve point's 'share' must not be negative");
                }
                point = CurvePoint.share(at, share);
            } else {
                point = new CurvePoint(at, requiredMoney(p, "pay"));
            }
            p.rejectUnknownKeys();
            if (!points.isEmpty() && points.get(points.size() - 1).at().compareTo(at) >= 0) {
                problems.add(
                        n.keyLocation("at"),
                        "curve points must be in ascending order of 'at': " + at.toPlainString()
                                + " does not come after "
                                + points.get(points.size() - 1).at().toPlainString());
            }
            points.add(point);
        }
        if (points.size() < 2) {
            problems.add(
                    c.node().keyLocation("points"),
                    "a curve needs at least two points",
                    "plan.curve.twoPoints",
                    List.of());
        }
        return new CurveComponent(basics, basis, points, terms);
    }

    /** {@code pays}, {@code threshold} and {@code above_last}; absent, the curve pays fixed amounts as before. */
    private CurveTerms curveTerms(MapReader c, ComponentBasics basics) {
        CurveTerms.Pays pays = c.optional("pays")
                .flatMap(n -> c.parse(n, "pays", "amount or share_of_target_incentive", s -> switch (s) {
                    case "amount" -> CurveTerms.Pays.AMOUNT;
                    case "share_of_target_incentive" -> CurveTerms.Pays.SHARE_OF_TARGET_INCENTIVE;
                    default -> throw new IllegalArgumentException(s);
                }))
                .orElse(CurveTerms.Pays.AMOUNT);
        BigDecimal threshold = c.decimal("threshold").orElse(null);
        if (threshold != null && threshold.signum() < 0) {
            problems.add(c.node().keyLocation("threshold"), "'threshold' must not be negative");
        }
        CurveTerms.AboveLast aboveLast = c.optional("above_last")
                .flatMap(n -> c.parse(n, "above_last", "hold or extend", s -> switch (s) {
                    case "hold" -> CurveTerms.AboveLast.HOLD;
                    case "extend" -> CurveTerms.AboveLast.EXTEND;
                    default -> throw new IllegalArgumentException(s);
                }))
                .orElse(CurveTerms.AboveLast.HOLD);
        if (pays == CurveTerms.Pays.SHARE_OF_TARGET_INCENTIVE && basics.pod() != null) {
            problems.add(
                    c.node().keyLocation("pays"),
                    "'pays: share_of_target_incentive' is paid on the payee's own attainment, not on 'attainment: pod'");
        }
        return new CurveTerms(pays, threshold, aboveLast);
    }

    private Component perDeal(MapReader c, ComponentBasics basics) {
        DealCondition when = expressions.deal(c, "when");
        return new PerDealComponent(basics, requiredMoney(c, "amount"), when);
    }

    private Component mbo(MapReader c, ComponentBasics basics) {
        BigDecimal targetShare = shareOfTargetIncentive(c, basics, "target");
        Money target = targetShare != null ? Money.zero(currency) : requiredMoney(c, "target");
        List<Objective> objectives = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (YamlNode n : c.list("objectives")) {
            MapReader o = MapReader.of(n, "an objective", problems);
            // 'id' names an objective a manager scores (objective_scores); 'kpi' one fed by a KPI: both are scores.
            String kpi = o.has("id") || !o.has("kpi")
                    ? o.requiredString("id").orElse("?")
                    : o.requiredString("kpi").orElse("?");
            BigDecimal weight = o.requiredDecimal("weight").orElse(BigDecimal.ZERO);
            BigDecimal max = o.decimal("max_score").orElse(BigDecimal.ONE);
            o.rejectUnknownKeys();
            total = total.add(weight);
            if (objectives.stream().anyMatch(x -> x.kpi().equals(kpi))) {
                problems.add(
                        n.keyLocation(o.has("id") ? "id" : "kpi"),
                        "objective '" + kpi + "' is listed twice",
                        "plan.mbo.duplicate",
                        List.of(kpi));
            }
            if (weight.signum() < 0) {
                problems.add(
                        n.keyLocation("weight"),
                        "objective '" + kpi + "' has a negative weight " + weight.toPlainString(),
                        "plan.mbo.negativeWeight",
                        List.of(kpi, weight.toPlainString()));
            }
            objectives.add(new Objective(kpi, weight, max));
        }
        if (objectives.isEmpty()) {
            problems.add(
                    c.node().keyLocation("objectives"),
                    "an mbo component needs 'objectives'",
                    "plan.mbo.noObjectives",
                    List.of());
        } else if (total.compareTo(BigDecimal.ONE) != 0) {
            problems.add(
                    c.node().keyLocation("objectives"),
                    "objective weights add up to " + total.toPlainString() + ", not 1.00",
                    "plan.mbo.weights",
                    List.of(total.toPlainString()));
        }
        return new MboComponent(basics, target, objectives, targetShare);
    }

    private TierBasis basis(MapReader c, String key) {
        return c.optional(key)
                .flatMap(n ->
                        c.parse(n, key, "attainment or amount", s -> TierBasis.valueOf(s.toUpperCase(Locale.ROOT))))
                .orElse(TierBasis.ATTAINMENT);
    }

    private Money money(MapReader c, String key) {
        return c.decimal(key).map(d -> Money.of(d, currency)).orElse(null);
    }

    private Money requiredMoney(MapReader c, String key) {
        return c.requiredDecimal(key).map(d -> Money.of(d, currency)).orElse(Money.zero(currency));
    }
}
