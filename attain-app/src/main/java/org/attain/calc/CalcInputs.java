package org.attain.calc;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attain.calendar.Periods;
import org.attain.engine.calc.CalculationInput;
import org.attain.engine.model.Person;
import org.attain.engine.plan.CompiledPlan;
import org.attain.engine.plan.CreditFrom;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.PlanAssignment;
import org.attain.engine.model.Proration;
import org.attain.engine.model.Quota;
import org.attain.engine.model.ReportingLine;
import org.attain.engine.model.Transaction;
import org.attain.engine.money.CurrencyUnit;
import org.attain.engine.money.FxRate;
import org.attain.engine.money.Money;
import org.attain.engine.time.DateRange;
import org.attain.engine.time.PeriodId;
import org.attain.plan.Plans;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads a snapshot of everything the engine needs for a run from the database and translates it
 * into the engine's input records. Person ids are the database ids as text; transaction ids are
 * the source's external ids, which is what a rep recognises on a statement.
 */
@Component
class CalcInputs {

    // Engine dates are closed ranges; open-ended database rows end far in the future.
    private static final LocalDate OPEN_END = LocalDate.of(9999, 12, 31);

    private final JdbcClient jdbc;
    private final Plans plans;
    private final Periods periods;
    private final JsonMapper json;

    private final CalcEvents events;
    private final List<CalcInputContributor> contributors;
    private final OrgSnapshot orgSnapshot;

    CalcInputs(JdbcClient jdbc, Plans plans, Periods periods, JsonMapper json, CalcEvents events,
            List<CalcInputContributor> contributors, OrgSnapshot orgSnapshot) {
        this.orgSnapshot = orgSnapshot;
        this.events = events;
        this.contributors = contributors;
        this.jdbc = jdbc;
        this.plans = plans;
        this.periods = periods;
        this.json = json;
    }

    /** Everything but the transactions: small, loaded once per run and shared by every chunk. */
    record Snapshot(CalculationInput base, DateRange window, boolean creditsAnyTransaction,
            Map<Long, Set<Long>> reportsOf, List<Long> planVersionIds) {

        /** The base input with a chunk's transactions and payees. */
        CalculationInput forChunk(List<Transaction> transactions, Set<PersonId> payees) {
            return base.forChunk(transactions, payees);
        }

        /**
         * The people whose transactions can credit these payees: themselves and, when a plan rolls up,
         * everyone who ever reported to them (directly or not). A superset is harmless; the engine
         * decides by the reporting line in force on each credit date.
         */
        Set<Long> reach(Set<Long> payees) {
            Set<Long> out = new HashSet<>(payees);
            // Pod members are paid on their pod mates' deals too (empty when no plan pays on pods).
            Set<PersonId> of = new HashSet<>();
            payees.forEach(p -> of.add(pid(p)));
            base.podMates(of, window).forEach(p -> out.add(Long.parseLong(p.value())));
            ArrayDeque<Long> todo = new ArrayDeque<>(out);
            while (!todo.isEmpty()) {
                for (Long report : reportsOf.getOrDefault(todo.pop(), Set.of())) {
                    if (out.add(report)) {
                        todo.add(report);
                    }
                }
            }
            return out;
        }
    }

    /**
     * Loads plans, people, reporting lines, quotas and FX rates. For a run over a few payees
     * ({@code only} not empty) assignments and quotas are limited to them, which keeps a single-deal
     * recalculation cheap however large the company is.
     */
    Snapshot snapshot(List<PeriodId> runPeriods, Set<Long> only) {
        // The fiscal calendar is one query: read once for the window and the engine.
        var calendar = periods.calendar().engine();
        DateRange window = window(calendar, runPeriods);
        Long[] ids = only.toArray(Long[]::new);
        String onlyThem = only.isEmpty() ? "" : " where person_id = any(:ids)";
        CalculationInput.Builder in = CalculationInput.builder().calendar(calendar);
        CompiledLatest latest = compiledPlans();
        List<CompiledPlan> compiled = latest.plans();
        compiled.forEach(in::plan);
        jdbc.sql("select person_id, plan_key, valid_from, valid_until from plan_assignment" + onlyThem)
                .params(only.isEmpty() ? Map.of() : Map.of("ids", ids))
                .query((rs, n) -> new PlanAssignment(pid(rs.getLong(1)), rs.getString(2),
                        range(rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class))))
                .list().forEach(in::assignment);
        // Everyone and every reporting line: kept between runs until the org changes (OrgSnapshot).
        OrgSnapshot.Org people = orgSnapshot.current();
        people.people().forEach(in::person);
        people.reportingLines().forEach(in::reportingLine);
        Map<Long, Set<Long>> reportsOf = people.reportsOf();
        jdbc.sql("select person_id, period_id, measure, amount, currency, prorate from quota" + onlyThem)
                .params(only.isEmpty() ? Map.of() : Map.of("ids", ids))
                .query((rs, n) -> new Quota(pid(rs.getLong(1)), PeriodId.parse(rs.getString(2)), rs.getString(3),
                        Money.of(rs.getBigDecimal(4), CurrencyUnit.of(rs.getString(5))),
                        rs.getBoolean(6) ? Proration.BY_DAYS_ON_PLAN : Proration.NONE))
                .list().forEach(in::quota);
        jdbc.sql("select from_currency, to_currency, effective_from, rate from fx_rate")
                .query((rs, n) -> new FxRate(CurrencyUnit.of(rs.getString(1)), CurrencyUnit.of(rs.getString(2)),
                        rs.getObject(3, LocalDate.class), rs.getBigDecimal(4)))
                .list().forEach(in::fxRate);
        events.load(window).forEach(in::event);
        contributors.forEach(c -> c.contribute(in, runPeriods));
        runPeriods.forEach(in::period);
        boolean rollsUp = compiled.stream().flatMap(p -> p.measures().stream()).flatMap(m -> m.creditRules().stream())
                .anyMatch(r -> r.from() == CreditFrom.DIRECT_REPORTS || r.from() == CreditFrom.SUBTREE);
        boolean anyTransaction = compiled.stream().flatMap(p -> p.measures().stream()).flatMap(m -> m.creditRules().stream())
                .anyMatch(r -> r.from() == CreditFrom.TERRITORY);
        return new Snapshot(in.build(), window, anyTransaction, rollsUp ? reportsOf : Map.of(), latest.versionIds());
    }

    private record CompiledLatest(List<Long> versionIds, List<CompiledPlan> plans) {
    }

    private volatile CompiledLatest compiledLatest;

    /**
     * The latest version of every plan, compiled, with the ids of exactly those versions (the run
     * records them, so an export can say which version paid a line). Published versions never
     * change, so the compiled plans are kept until another version is published instead of compiling
     * YAML and CEL again for every single-deal recalculation.
     */
    private CompiledLatest compiledPlans() {
        List<Plans.PlanVersion> latest = plans.latestVersions();
        List<Long> ids = latest.stream().map(Plans.PlanVersion::id).toList();
        CompiledLatest cached = compiledLatest;
        if (cached != null && cached.versionIds().equals(ids)) {
            return cached;
        }
        CompiledLatest compiled = new CompiledLatest(ids, latest.stream().map(plans::compiled).toList());
        compiledLatest = compiled;
        return compiled;
    }

    private static DateRange window(org.attain.engine.time.FiscalCalendar cal, List<PeriodId> runPeriods) {
        LocalDate first = runPeriods.stream().map(p -> cal.range(p).first()).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = runPeriods.stream().map(p -> cal.range(p).last()).max(LocalDate::compareTo).orElseThrow();
        // Year-to-date measures look back to the start of the fiscal year.
        LocalDate yearStart = cal.range(cal.periodOf(first, org.attain.engine.time.PeriodKind.YEAR)).first();
        return new DateRange(yearStart, last);
    }

    static PersonId pid(long id) {
        return PersonId.of(Long.toString(id));
    }

    private static DateRange range(LocalDate from, LocalDate until) {
        return new DateRange(from, until == null ? OPEN_END : until.minusDays(1));
    }
}
