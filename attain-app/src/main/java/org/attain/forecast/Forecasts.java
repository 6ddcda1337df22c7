package org.attain.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.attain.access.AttainUser;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.fx.FxRates;
import org.attain.fx.RateTable;
import org.attain.org.ReportingLines;
import org.attain.org.Visibility;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.attain.platform.NotFoundException;
import org.attain.sales.Pipeline;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pipeline forecast of a quarter for one person's subtree: the deals closing in the quarter (sales'
 * {@code Pipeline}) in one currency (fx), weighted by stage, in categories, rolled up the reporting tree on the
 * quarter's last day or today, whichever is earlier (org), with the calls in force; calls made and their weekly
 * history; accuracy of past quarters' calls against what was won.
 */
@Service
public class Forecasts {

    /** Closed deals per stage needed before a stage's learned probability is used. */
    public static final int MINIMUM_SAMPLE = 20;

    /** Closed deals per stage and age band needed before that band's learned probability is used. */
    public static final int MINIMUM_BAND_SAMPLE = 10;

    static final int QUARTERS_BACK = 4;

    public record Row(
            long personId,
            String name,
            Map<ForecastCategory, RollUp.Line> lines,
            BigDecimal weighted,
            boolean manager) {}

    public record Stage(
            String stage,
            BigDecimal probability,
            ForecastCategory category,
            boolean useLearned,
            BigDecimal learned,
            int sample,
            BigDecimal used,
            List<StageAgeLearning.Learned> byAge) {}

    public record WeekCall(
            LocalDate weekOf,
            ForecastCategory category,
            BigDecimal amount,
            BigDecimal computed,
            String submittedBy,
            Instant submittedAt) {}

    /**
     * A past quarter: what the weighted pipeline and the commit said at the last call, or, when nobody called it, in
     * the last weekly snapshot ({@code fromWeek}, the commit then rolled up from the deals); what was won, and how
     * close.
     */
    public record PastQuarter(
            String periodId,
            BigDecimal weighted,
            BigDecimal commit,
            BigDecimal won,
            BigDecimal weightedAccuracy,
            BigDecimal commitAccuracy,
            LocalDate fromWeek) {}

    public record View(
            String periodId,
            LocalDate startsOn,
            LocalDate endsOn,
            String currency,
            long personId,
            String personName,
            boolean canCall,
            int deals,
            Row total,
            List<Row> reports,
            BigDecimal quota,
            List<Stage> stages,
            List<WeekCall> history,
            List<PastQuarter> past,
            int unconverted,
            Set<String> unknownStages,
            boolean noHistory,
            List<Deal> opportunities) {}

    /**
     * A deal closing in the quarter, in the view's currency: the category it counts in (set for the deal, or its
     * stage's) and the one its stage gives, so a page can offer to set or clear it.
     */
    public record Deal(
            long id,
            String name,
            long ownerId,
            String ownerName,
            String stage,
            LocalDate closeDate,
            BigDecimal amount,
            ForecastCategory category,
            ForecastCategory stageCategory,
            boolean set,
            BigDecimal probability) {

        /** True when the deal's category may be set: its stage has not closed it (won or lost). */
        public boolean settable() {
            return stageCategory != ForecastCategory.CLOSED && stageCategory != ForecastCategory.OMITTED;
        }
    }

    private final ForecastStore store;
    private final Pipeline pipeline;
    private final Periods periods;
    private final ReportingLines lines;
    private final Visibility visibility;
    private final FxRates fx;
    private final Clock clock;

    Forecasts(
            ForecastStore store,
            Pipeline pipeline,
            Periods periods,
            ReportingLines lines,
            Visibility visibility,
            FxRates fx,
            Clock clock) {
        this.store = store;
        this.pipeline = pipeline;
        this.periods = periods;
        this.lines = lines;
        this.visibility = visibility;
        this.fx = fx;
        this.clock = clock;
    }

    /** Who a user's forecast is about when no person is asked for: themselves, or the top of the tree. */
    public long defaultPerson(AttainUser user) {
        LocalDate today = LocalDate.now(clock);
        List<ReportingLines.ReportingLine> all = lines.onDay(today, null);
        if (user.personId() != null
                && (!user.seesEveryone() || all.stream().anyMatch(l -> l.managerId() == user.personId()))) {
            return user.personId();
        }
        Set<Long> reporting = new HashSet<>();
        all.forEach(l -> reporting.add(l.personId()));
        return all.stream()
                .map(ReportingLines.ReportingLine::managerId)
                .filter(m -> !reporting.contains(m))
                .min(Long::compare)
                .orElseThrow(() -> new NotFoundException("reporting tree", "top"));
    }

    /** The quarter containing a day (the weekly job's quarter, on its own clock). */
    public String quarterOn(LocalDate day) {
        return quarterContaining(day)
                .map(Periods.PeriodRow::id)
                .orElseThrow(() -> new NotFoundException("quarter", day.toString()));
    }

    /** Everyone who manages someone on a day. */
    Set<Long> managersOn(LocalDate day) {
        Set<Long> out = new TreeSet<>();
        lines.onDay(day, null).forEach(l -> out.add(l.managerId()));
        return out;
    }

    /** A person's roll-up of a quarter in a currency, as the forecast page's total shows it (no visibility check). */
    RollUp.PersonRollUp rollUp(long personId, String periodId, String currency) {
        Periods.PeriodRow period = quarter(periodId);
        List<ForecastStore.StageSetting> settings = store.stages();
        StageProbabilities probabilities = probabilities(settings, learned());
        DealProbability dealProbability = dealProbability(settings, probabilities, learnedByAge());
        Tree tree = tree(personId, period);
        Quarter q = quarter(period, tree, new RateTable(fx.all()), currency, dealProbability, categoriesByStage());
        List<ForecastStore.Call> calls = store.calls(tree.people(), period.id());
        return RollUp.of(tree.nodes(), q.own(), store.callsInForce(calls, currency))
                .get(personId);
    }

    public String currentQuarter() {
        return periods.currentSpan(PeriodKind.QUARTER).id();
    }

    public View view(AttainUser user, long personId, String periodId, String currency) {
        if (!visibility.canSee(user, personId)) {
            throw new NotFoundException("person", personId);
        }
        Periods.PeriodRow period = quarter(periodId);
        RateTable rates = new RateTable(fx.all());
        Map<String, StageProbabilities.Probability> learned = learned();
        List<ForecastStore.StageSetting> settings = store.stages();
        StageProbabilities probabilities = probabilities(settings, learned);
        Map<String, ForecastCategory> categories = new HashMap<>();
        settings.forEach(s -> categories.put(s.stage().toLowerCase(Locale.ROOT), s.category()));
        Map<String, Map<StageAgeLearning.AgeBand, StageAgeLearning.Learned>> byAge = learnedByAge();
        DealProbability dealProbability = dealProbability(settings, probabilities, byAge);

        Tree tree = tree(personId, period);
        Quarter q = quarter(period, tree, rates, currency, dealProbability, categories);
        List<ForecastStore.Call> calls = store.calls(tree.people(), period.id());
        Map<Long, RollUp.PersonRollUp> rolled = RollUp.of(tree.nodes(), q.own(), store.callsInForce(calls, currency));
        Map<Long, String> names = store.names(tree.people());
        RollUp.PersonRollUp top = rolled.get(personId);
        Row total = new Row(
                personId,
                names.get(personId),
                top.lines(),
                top.weighted(),
                tree.managers().contains(personId));
        List<Row> reports = new ArrayList<>();
        for (long r : tree.children().getOrDefault(personId, List.of())) {
            RollUp.PersonRollUp pr = rolled.get(r);
            reports.add(new Row(
                    r, names.get(r), pr.lines(), pr.weighted(), tree.managers().contains(r)));
        }
        reports.sort(java.util.Comparator.comparing(Row::name, java.util.Comparator.nullsLast(String::compareTo)));

        List<Stage> stages = new ArrayList<>();
        for (ForecastStore.StageSetting s : settings) {
            StageProbabilities.Probability l = learned.get(s.stage().toLowerCase(Locale.ROOT));
            stages.add(new Stage(
                    s.stage(),
                    s.probability(),
                    s.category(),
                    s.useLearned(),
                    l == null ? null : l.value(),
                    l == null ? 0 : l.sample(),
                    probabilities.of(s.stage()),
                    List.copyOf(byAge.getOrDefault(s.stage().toLowerCase(Locale.ROOT), Map.of())
                            .values())));
        }
        List<WeekCall> history = weekly(calls, personId, currency);
        List<PastQuarter> past = past(personId, period, rates, currency, dealProbability, categories);
        // No deal of the subtree closes in the quarter and no earlier quarter has a call or a won deal: nothing to
        // forecast from.
        boolean noHistory = q.deals() == 0
                && past.stream().allMatch(p -> p.weighted() == null && p.won().signum() == 0);
        BigDecimal quota = convertQuota(
                store.quotas(tree.people(), period.startsOn(), period.endsOn()), rates, currency, period.endsOn());
        return new View(
                period.id(),
                period.startsOn(),
                period.endsOn(),
                currency,
                personId,
                names.get(personId),
                user.personId() != null && user.personId() == personId,
                q.deals(),
                total,
                reports,
                quota,
                stages,
                history,
                past,
                q.unconverted(),
                q.unknownStages(),
                noHistory,
                dealList(q.list(), names));
    }

    private List<Deal> dealList(List<Deal> deals, Map<Long, String> names) {
        return deals.stream()
                .map(d -> new Deal(
                        d.id(),
                        d.name(),
                        d.ownerId(),
                        names.get(d.ownerId()),
                        d.stage(),
                        d.closeDate(),
                        d.amount(),
                        d.category(),
                        d.stageCategory(),
                        d.set(),
                        d.probability()))
                .sorted(java.util.Comparator.comparing(Deal::closeDate).thenComparing(Deal::id))
                .toList();
    }

    /**
     * Sets a deal's forecast category (pipeline, best_case, commit or omitted; blank or "stage" clears it back to the
     * stage's): for someone who may see the deal's owner, on a deal its stage has not closed.
     */
    @Transactional
    public void setDealCategory(AttainUser user, long opportunityId, String category) {
        Pipeline.Opportunity o = pipeline.find(opportunityId)
                .filter(x -> visibility.canSee(user, x.ownerId()))
                .orElseThrow(() -> new NotFoundException("opportunity", opportunityId));
        ForecastCategory stageCategory = categoriesByStage().get(o.stage().toLowerCase(Locale.ROOT));
        if (stageCategory == ForecastCategory.CLOSED || stageCategory == ForecastCategory.OMITTED) {
            throw new InvalidInputException(new FieldProblem(
                    "category",
                    "forecast.error.dealClosed",
                    "deal " + opportunityId + " is " + o.stage() + ": a closed deal counts as its stage says"));
        }
        ForecastCategory c = null;
        if (category != null && !category.isBlank() && !category.strip().equalsIgnoreCase("stage")) {
            try {
                c = ForecastCategory.ofKey(category);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(
                        new FieldProblem("category", "forecast.error.category", e.getMessage()));
            }
            if (c == ForecastCategory.CLOSED) {
                throw new InvalidInputException(new FieldProblem(
                        "category", "forecast.error.dealCategory", "a deal is closed by its stage, not by a category"));
            }
        }
        store.setDealCategory(opportunityId, c, user.getUsername(), clock.instant());
    }

    /** A call: the person's own, for a quarter not yet closed, in the currency shown; the roll-up at the moment is kept beside it. */
    @Transactional
    public View call(
            AttainUser user, String periodId, String currency, String category, BigDecimal amount, String note) {
        List<FieldProblem> problems = new ArrayList<>();
        if (user.personId() == null) {
            throw new org.attain.platform.ForbiddenException("Only a person in the org makes a forecast call.");
        }
        ForecastCategory c = null;
        try {
            c = ForecastCategory.ofKey(category);
            if (c == ForecastCategory.OMITTED) {
                problems.add(new FieldProblem("category", "forecast.error.category", "omitted deals are not called"));
            }
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("category", "forecast.error.category", e.getMessage()));
        }
        if (amount == null
                || amount.signum() < 0
                || amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
            problems.add(new FieldProblem(
                    "amount", "forecast.error.amount", "a call is an amount of zero or more, in cents at most"));
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            problems.add(new FieldProblem(
                    "currency", "forecast.error.currency", "a currency is three capital letters, e.g. USD"));
        }
        Periods.PeriodRow period = quarter(periodId);
        if (period.endsOn().isBefore(LocalDate.now(clock))) {
            problems.add(new FieldProblem(
                    "period",
                    "forecast.error.periodOver",
                    "the quarter " + period.id() + " is over: its calls are history"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        View before = view(user, user.personId(), period.id(), currency);
        Instant now = clock.instant();
        LocalDate week = LocalDate.now(clock).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        store.addCall(new ForecastStore.Call(
                0,
                user.personId(),
                period.id(),
                c,
                amount.setScale(2, RoundingMode.UNNECESSARY),
                before.total().lines().get(c).computed(),
                before.total().weighted(),
                currency,
                week,
                note == null || note.isBlank() ? null : note.strip(),
                user.getUsername(),
                now));
        snapshot();
        return view(user, user.personId(), period.id(), currency);
    }

    /**
     * Records this week's stage and close date of every open opportunity closing from today on: what stage
     * probabilities are learned from, and the close dates the pipeline + run-rate backtest forecasts from.
     */
    @Transactional
    public int snapshot() {
        LocalDate today = LocalDate.now(clock);
        Set<String> closedStages = new HashSet<>();
        store.stages().stream()
                .filter(s -> s.category() == ForecastCategory.CLOSED || s.category() == ForecastCategory.OMITTED)
                .forEach(s -> closedStages.add(s.stage().toLowerCase(Locale.ROOT)));
        Map<Long, ForecastStore.Open> open = new LinkedHashMap<>();
        for (Pipeline.Opportunity o : pipeline.closingBetween(today, today.plusYears(2))) {
            if (!closedStages.contains(o.stage().toLowerCase(Locale.ROOT))) {
                open.put(o.id(), new ForecastStore.Open(o.stage(), o.closeDate()));
            }
        }
        store.snapshot(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), open);
        return open.size();
    }

    public List<StageInput> stageSettings() {
        return store.stages().stream()
                .map(s ->
                        new StageInput(s.stage(), s.probability(), s.category().key(), s.useLearned()))
                .toList();
    }

    /** Saves the admin's stage settings; every row checked first, nothing saved when one is wrong. */
    @Transactional
    public void saveStages(List<StageInput> inputs, String actor) {
        List<FieldProblem> problems = new ArrayList<>();
        List<ForecastStore.StageSetting> ok = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            StageInput in = inputs.get(i);
            String field = "stages[" + i + "]";
            if (in == null || in.stage() == null || in.stage().isBlank()) {
                problems.add(new FieldProblem(field + ".stage", "forecast.error.stage", "a stage needs its name"));
                continue;
            }
            if (in.probability() == null
                    || in.probability().signum() < 0
                    || in.probability().compareTo(BigDecimal.ONE) > 0) {
                problems.add(new FieldProblem(
                        field + ".probability",
                        "forecast.error.probability",
                        "stage " + in.stage() + ": a probability is from 0 to 1"));
                continue;
            }
            ForecastCategory c;
            try {
                c = ForecastCategory.ofKey(in.category());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(field + ".category", "forecast.error.category", e.getMessage()));
                continue;
            }
            ok.add(new ForecastStore.StageSetting(
                    in.stage().strip(), i * 10, in.probability(), c, Boolean.TRUE.equals(in.useLearned())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        ok.forEach(s -> store.saveStage(s, actor, now));
    }

    public record StageInput(String stage, BigDecimal probability, String category, Boolean useLearned) {}

    /** The close dates the weekly snapshots recorded, by opportunity and week. */
    Map<Long, java.util.NavigableMap<LocalDate, LocalDate>> closeDatesSeen() {
        return store.closeDatesSeen();
    }

    /** The forecast category of each stage, by lower-case stage name. */
    Map<String, ForecastCategory> categoriesByStage() {
        Map<String, ForecastCategory> categories = new HashMap<>();
        store.stages().forEach(s -> categories.put(s.stage().toLowerCase(Locale.ROOT), s.category()));
        return categories;
    }

    // ---- the parts of a view

    private record Tree(
            List<RollUp.Node> nodes, Set<Long> people, Map<Long, List<Long>> children, Set<Long> managers) {}

    private Tree tree(long root, Periods.PeriodRow period) {
        LocalDate today = LocalDate.now(clock);
        LocalDate day = period.endsOn().isBefore(today) ? period.endsOn() : today;
        Map<Long, List<Long>> children = new HashMap<>();
        for (ReportingLines.ReportingLine l : lines.onDay(day, null)) {
            children.computeIfAbsent(l.managerId(), k -> new ArrayList<>()).add(l.personId());
        }
        List<RollUp.Node> nodes = new ArrayList<>();
        Set<Long> people = new TreeSet<>();
        java.util.ArrayDeque<long[]> todo = new java.util.ArrayDeque<>();
        todo.add(new long[] {root, -1});
        while (!todo.isEmpty()) {
            long[] next = todo.poll();
            if (!people.add(next[0])) {
                continue;
            }
            nodes.add(new RollUp.Node(next[0], next[1] < 0 || next[0] == root ? null : next[1]));
            for (long c : children.getOrDefault(next[0], List.of())) {
                todo.add(new long[] {c, next[0]});
            }
        }
        Set<Long> managers = new HashSet<>(children.keySet());
        return new Tree(nodes, people, children, managers);
    }

    private record Quarter(
            Map<Long, PipelineForecast.Figures> own,
            int deals,
            int unconverted,
            Set<String> unknownStages,
            BigDecimal won,
            List<Deal> list) {}

    private Quarter quarter(
            Periods.PeriodRow period,
            Tree tree,
            RateTable rates,
            String currency,
            DealProbability probabilities,
            Map<String, ForecastCategory> categories) {
        Map<Long, List<PipelineDeal>> byOwner = new HashMap<>();
        Map<String, BigDecimal> probabilityOf = new HashMap<>();
        Map<Long, ForecastCategory> set = store.dealCategories();
        List<Deal> list = new ArrayList<>();
        int deals = 0;
        int unconverted = 0;
        Set<String> unknown = new TreeSet<>();
        BigDecimal won = BigDecimal.ZERO;
        for (Pipeline.Opportunity o : pipeline.closingBetween(period.startsOn(), period.endsOn())) {
            if (!tree.people().contains(o.ownerId())) {
                continue;
            }
            Optional<BigDecimal> rate = rates.rate(o.currency(), currency, o.closeDate());
            if (rate.isEmpty()) {
                unconverted++;
                continue;
            }
            ForecastCategory c = categories.get(o.stage().toLowerCase(Locale.ROOT));
            if (c == null) {
                unknown.add(o.stage());
                c = ForecastCategory.PIPELINE;
            }
            ForecastCategory stageCategory = c;
            // A category set for the deal counts instead of its stage's, unless its stage has closed it.
            boolean overridden =
                    set.containsKey(o.id()) && c != ForecastCategory.CLOSED && c != ForecastCategory.OMITTED;
            if (overridden) {
                c = set.get(o.id());
            }
            BigDecimal amount = o.amount().multiply(rate.get());
            if (c == ForecastCategory.CLOSED) {
                won = won.add(amount);
            }
            deals++;
            byOwner.computeIfAbsent(o.ownerId(), k -> new ArrayList<>())
                    .add(new PipelineDeal(String.valueOf(o.id()), o.ownerId(), o.stage(), amount, currency, c));
            BigDecimal p = probabilities.of(o);
            probabilityOf.put(String.valueOf(o.id()), p);
            list.add(new Deal(
                    o.id(),
                    o.name(),
                    o.ownerId(),
                    null,
                    o.stage(),
                    o.closeDate(),
                    PipelineForecast.cents(amount),
                    c,
                    stageCategory,
                    overridden,
                    c == ForecastCategory.CLOSED ? BigDecimal.ONE : p));
        }
        Map<Long, PipelineForecast.Figures> own = new HashMap<>();
        byOwner.forEach((owner, ownDeals) ->
                own.put(owner, PipelineForecast.figures(ownDeals, d -> probabilityOf.get(d.id()))));
        return new Quarter(own, deals, unconverted, unknown, PipelineForecast.cents(won), list);
    }

    private List<PastQuarter> past(
            long personId,
            Periods.PeriodRow period,
            RateTable rates,
            String currency,
            DealProbability probabilities,
            Map<String, ForecastCategory> categories) {
        List<PastQuarter> out = new ArrayList<>();
        LocalDate end = period.startsOn().minusDays(1);
        for (int i = 0; i < QUARTERS_BACK; i++) {
            Optional<Periods.PeriodRow> earlier = quarterContaining(end);
            if (earlier.isEmpty()) {
                break;
            }
            Periods.PeriodRow p = earlier.get();
            Tree tree = tree(personId, p);
            Quarter q = quarter(p, tree, rates, currency, probabilities, categories);
            BigDecimal weighted = null;
            BigDecimal commit = null;
            for (ForecastStore.Call c : store.calls(List.of(personId), p.id())) {
                if (c.currency().equals(currency)) {
                    weighted = c.weighted();
                    if (c.category() == ForecastCategory.COMMIT) {
                        commit = c.amount();
                    }
                }
            }
            LocalDate fromWeek = null;
            if (weighted == null) {
                Optional<ForecastStore.LastWeek> week = store.lastWeek(personId, p.id(), currency);
                if (week.isPresent()) {
                    fromWeek = week.get().weekOf();
                    weighted = week.get().weighted();
                    commit = week.get().commit();
                }
            }
            out.add(new PastQuarter(
                    p.id(),
                    weighted,
                    commit,
                    q.won(),
                    weighted == null
                            ? null
                            : PipelineForecast.accuracy(weighted, q.won()).orElse(null),
                    commit == null
                            ? null
                            : PipelineForecast.accuracy(commit, q.won()).orElse(null),
                    fromWeek));
            end = p.startsOn().minusDays(1);
        }
        return out;
    }

    private Optional<Periods.PeriodRow> quarterContaining(LocalDate day) {
        return periods.list(PeriodKind.QUARTER, null).stream()
                .filter(p -> !p.startsOn().isAfter(day) && !p.endsOn().isBefore(day))
                .findFirst();
    }

    private List<WeekCall> weekly(List<ForecastStore.Call> calls, long personId, String currency) {
        Map<String, WeekCall> latest = new LinkedHashMap<>();
        for (ForecastStore.Call c : calls) {
            if (c.personId() == personId && c.currency().equals(currency)) {
                latest.put(
                        c.weekOf() + c.category().key(),
                        new WeekCall(
                                c.weekOf(), c.category(), c.amount(), c.computed(), c.submittedBy(), c.submittedAt()));
            }
        }
        List<WeekCall> out = new ArrayList<>(latest.values());
        out.sort(java.util.Comparator.comparing(WeekCall::weekOf).reversed().thenComparing(WeekCall::category));
        return out;
    }

    private Map<String, StageProbabilities.Probability> learned() {
        Map<Long, List<String>> seen = store.stagesSeen();
        Map<Long, String> now = pipeline.stagesOf(seen.keySet());
        Map<String, ForecastCategory> categories = new HashMap<>();
        store.stages().forEach(s -> categories.put(s.stage().toLowerCase(Locale.ROOT), s.category()));
        List<StageLearning.Outcome> outcomes = new ArrayList<>();
        seen.forEach((id, stages) -> {
            String current = now.get(id);
            ForecastCategory c = current == null ? null : categories.get(current.toLowerCase(Locale.ROOT));
            if (c == ForecastCategory.CLOSED || c == ForecastCategory.OMITTED) {
                for (String s : stages) {
                    if (!s.equalsIgnoreCase(current)) {
                        outcomes.add(new StageLearning.Outcome(s, c == ForecastCategory.CLOSED));
                    }
                }
            }
        });
        Map<String, StageProbabilities.Probability> out = new HashMap<>();
        StageLearning.learn(outcomes, MINIMUM_SAMPLE)
                .forEach(p -> out.put(p.stage().toLowerCase(Locale.ROOT), p));
        return out;
    }

    /** The probability one opportunity is weighed with, from its stage and the day it was created (null: unknown). */
    @FunctionalInterface
    interface DealProbability {
        BigDecimal of(String stage, LocalDate createdOn);

        default BigDecimal of(Pipeline.Opportunity o) {
            return of(o.stage(), o.createdOn());
        }
    }

    /** The probability each deal is weighed with now, as the pipeline forecast weighs it (by stage and age band). */
    DealProbability dealProbabilityInForce() {
        List<ForecastStore.StageSetting> settings = store.stages();
        return dealProbability(settings, probabilities(settings, learned()), learnedByAge());
    }

    /**
     * Where the admin chose learned probabilities for a stage: the deal's age band's learned value when that band has
     * enough closed deals, else the stage's (learned or the admin's). Age is counted to today.
     */
    private DealProbability dealProbability(
            List<ForecastStore.StageSetting> settings,
            StageProbabilities probabilities,
            Map<String, Map<StageAgeLearning.AgeBand, StageAgeLearning.Learned>> byAge) {
        Set<String> learning = new HashSet<>();
        settings.stream()
                .filter(ForecastStore.StageSetting::useLearned)
                .forEach(s -> learning.add(s.stage().toLowerCase(Locale.ROOT)));
        LocalDate today = LocalDate.now(clock);
        return (stage, createdOn) -> {
            String key = stage.toLowerCase(Locale.ROOT);
            if (learning.contains(key) && createdOn != null) {
                StageAgeLearning.Learned l = byAge.getOrDefault(key, Map.of())
                        .get(StageAgeLearning.AgeBand.of(java.time.temporal.ChronoUnit.DAYS.between(createdOn, today)));
                if (l != null) {
                    return l.value();
                }
            }
            return probabilities.of(stage);
        };
    }

    /** What each stage and age band learned from the snapshots of deals since closed, by lower-case stage. */
    private Map<String, Map<StageAgeLearning.AgeBand, StageAgeLearning.Learned>> learnedByAge() {
        List<ForecastStore.Seen> seen = store.stageWeeksSeen();
        Set<Long> ids = new HashSet<>();
        seen.forEach(x -> ids.add(x.opportunityId()));
        Map<Long, String> now = pipeline.stagesOf(ids);
        Map<Long, LocalDate> created = pipeline.createdOn(ids);
        Map<String, ForecastCategory> categories = categoriesByStage();
        // Each deal counts once per stage and band, however many weeks it sat there.
        Map<String, StageAgeLearning.Outcome> outcomes = new LinkedHashMap<>();
        for (ForecastStore.Seen x : seen) {
            String current = now.get(x.opportunityId());
            LocalDate createdOn = created.get(x.opportunityId());
            ForecastCategory c = current == null ? null : categories.get(current.toLowerCase(Locale.ROOT));
            if (createdOn == null
                    || (c != ForecastCategory.CLOSED && c != ForecastCategory.OMITTED)
                    || x.stage().equalsIgnoreCase(current)) {
                continue;
            }
            long age = java.time.temporal.ChronoUnit.DAYS.between(createdOn, x.weekOf());
            outcomes.putIfAbsent(
                    x.opportunityId() + "|" + x.stage().toLowerCase(Locale.ROOT) + "|"
                            + StageAgeLearning.AgeBand.of(age),
                    new StageAgeLearning.Outcome(x.stage(), age, c == ForecastCategory.CLOSED));
        }
        Map<String, Map<StageAgeLearning.AgeBand, StageAgeLearning.Learned>> out = new HashMap<>();
        for (StageAgeLearning.Learned l : StageAgeLearning.learn(outcomes.values(), MINIMUM_BAND_SAMPLE)) {
            out.computeIfAbsent(
                            l.stage().toLowerCase(Locale.ROOT),
                            k -> new java.util.EnumMap<>(StageAgeLearning.AgeBand.class))
                    .put(l.band(), l);
        }
        return out;
    }

    private static StageProbabilities probabilities(
            List<ForecastStore.StageSetting> settings, Map<String, StageProbabilities.Probability> learned) {
        List<StageProbabilities.Probability> used = new ArrayList<>();
        for (ForecastStore.StageSetting s : settings) {
            StageProbabilities.Probability l = learned.get(s.stage().toLowerCase(Locale.ROOT));
            used.add(
                    s.useLearned() && l != null
                            ? l
                            : new StageProbabilities.Probability(
                                    s.stage(), s.probability(), StageProbabilities.Source.ADMIN, 0));
        }
        return new StageProbabilities(used);
    }

    private static BigDecimal convertQuota(
            Map<String, BigDecimal> byCurrency, RateTable rates, String currency, LocalDate day) {
        if (byCurrency.isEmpty()) {
            return null;
        }
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> e : byCurrency.entrySet()) {
            Optional<BigDecimal> r = rates.rate(e.getKey(), currency, day);
            if (r.isEmpty()) {
                return null;
            }
            total = total.add(e.getValue().multiply(r.get()));
        }
        return PipelineForecast.cents(total);
    }

    private Periods.PeriodRow quarter(String periodId) {
        String id = periodId == null || periodId.isBlank() ? currentQuarter() : periodId.strip();
        Periods.PeriodRow p = periods.find(id)
                .orElseThrow(() -> new InvalidInputException(new FieldProblem(
                        "period", "forecast.error.period", "no period " + id + "; a quarter such as 2026-Q4")));
        if (p.kind() != PeriodKind.QUARTER) {
            throw new InvalidInputException(new FieldProblem(
                    "period", "forecast.error.period", p.id() + " is not a quarter; a quarter such as 2026-Q4"));
        }
        return p;
    }
}
