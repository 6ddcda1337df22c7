package org.attain.territory.balance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.attain.access.AuditLog;
import org.attain.calendar.Periods;
import org.attain.platform.ConflictException;
import org.attain.platform.NotFoundException;
import org.attain.territory.TerritoryChanges;
import org.attain.territory.TerritoryRefused;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Balancing the company's own territories: a run started from a hierarchy on a day (the problem built by
 * {@link CompanyProblem}, run by {@link BalanceJobs}), and accepting some or all of its proposed moves from a
 * chosen day, all or nothing, through {@link TerritoryChanges#moveAccounts} (named-account rules from that day,
 * publishing {@code TerritoriesChanged}), audited. What a run was built from is kept beside the job, in memory.
 */
@Service
public class CompanyBalance {

    /** A metric to balance (potential, bookings, accounts, workload) and its weight (null: 1). */
    public record MetricChoice(String name, BigDecimal weight) {}

    /**
     * How to balance the company's territories.
     *
     * @param hierarchyId the hierarchy whose territories are balanced
     * @param day the day whose territories and assignments are balanced (null: today)
     * @param under balance only the territories below this one (an area, region or district); null: the region of
     *     the hierarchy with the most territories (moves never leave the chosen subtree), unless {@code wholeHierarchy}
     * @param wholeHierarchy true with no {@code under}: balance every territory of the hierarchy, across regions
     * @param lockedAccounts accounts (as the run names them: external id) that stay where they are
     * @param currency the company currency potentials and bookings are converted into (null: the configured one)
     */
    public record Options(
            Long hierarchyId,
            LocalDate day,
            Long under,
            List<MetricChoice> metrics,
            BigDecimal band,
            BigDecimal disruptionWeight,
            Integer timeLimitSeconds,
            List<String> lockedAccounts,
            String currency,
            Boolean wholeHierarchy) {}

    /** An account of a run: its id there (external id), database id, name and territory code on the run's day. */
    public record AccountRef(long id, String key, String name, String territory) {}

    public record TerritoryRef(long id, String code, String name) {}

    /**
     * What a run was built from: the hierarchy and day, the scope (the territory whose subtree is balanced; null: the
     * whole hierarchy), the metrics, the band, the accounts and territories by the
     * ids the result uses, which accounts the planner locked and which are named (they never move), and how many
     * accounts had no potential (counted as 0).
     */
    public record Context(
            long hierarchyId,
            String hierarchyName,
            TerritoryRef scope,
            LocalDate day,
            String currency,
            List<String> metrics,
            BigDecimal band,
            Map<String, AccountRef> accounts,
            Map<String, TerritoryRef> territories,
            Set<String> locked,
            Set<String> named,
            int withoutPotential) {}

    /** The moves accepted from one run: account key to the day it lands in its new territory. */
    public record Accepted(long jobId, LocalDate effectiveFrom, List<BalanceResult.Move> moves) {}

    private static final int KEEP = 20;

    private final CompanyProblem builder;
    private final org.attain.territory.Territories territories;
    private final BalanceJobs jobs;
    private final TerritoryChanges changes;
    private final Periods periods;
    private final AuditLog audit;
    private final Clock clock;
    private final String companyCurrency;
    private final Map<Long, Context> contexts = new LinkedHashMap<>();
    private final Map<Long, Map<String, LocalDate>> accepted = new LinkedHashMap<>();

    CompanyBalance(
            CompanyProblem builder,
            org.attain.territory.Territories territories,
            BalanceJobs jobs,
            TerritoryChanges changes,
            Periods periods,
            AuditLog audit,
            Clock clock,
            @Value("${attain.company-currency:USD}") String companyCurrency) {
        this.builder = builder;
        this.territories = territories;
        this.jobs = jobs;
        this.changes = changes;
        this.periods = periods;
        this.audit = audit;
        this.clock = clock;
        this.companyCurrency = companyCurrency;
    }

    /** The scope a run without one balances: the region of the hierarchy with the most territories on the day. */
    public Optional<org.attain.territory.Territory> defaultScope(long hierarchyId, LocalDate day) {
        return CompanyProblem.largestRegion(territories.inForce(hierarchyId, day));
    }

    public String companyCurrency() {
        return companyCurrency;
    }

    /** Builds the problem from the company (bad input refused naming each field) and starts it in the background. */
    public BalanceJobs.Job start(Options options, String actor) {
        Options o = options.currency() == null || options.currency().isBlank()
                ? new Options(
                        options.hierarchyId(),
                        options.day(),
                        options.under(),
                        options.metrics(),
                        options.band(),
                        options.disruptionWeight(),
                        options.timeLimitSeconds(),
                        options.lockedAccounts(),
                        companyCurrency,
                        options.wholeHierarchy())
                : options;
        CompanyProblem.Built built = builder.build(o, LocalDate.now(clock));
        BalanceJobs.Job job = jobs.start(built.problem(), actor);
        synchronized (contexts) {
            contexts.put(job.id(), built.context());
            while (contexts.size() > KEEP) {
                Long oldest = contexts.keySet().iterator().next();
                contexts.remove(oldest);
                accepted.remove(oldest);
            }
        }
        return job;
    }

    /** What the run was built from, for runs started from the company. */
    public Optional<Context> context(long jobId) {
        synchronized (contexts) {
            return Optional.ofNullable(contexts.get(jobId));
        }
    }

    /** The moves of a run accepted so far: account key to the day it moves. */
    public Map<String, LocalDate> accepted(long jobId) {
        synchronized (contexts) {
            return Map.copyOf(accepted.getOrDefault(jobId, Map.of()));
        }
    }

    /**
     * Accepts moves of a finished (or stopped) run from a day on, all or nothing: every move named must be one the
     * run proposes and not accepted before, the day must not lie in a closed period. Each account lands in its new
     * territory from that day (not before), audited; {@code TerritoriesChanged} is published.
     */
    @Transactional
    public Accepted accept(long jobId, List<String> moveIds, LocalDate from, String actor) {
        Context context = context(jobId).orElseThrow(() -> new NotFoundException("balancing run", jobId));
        BalanceJobs.Job job = jobs.find(jobId).orElseThrow(() -> new NotFoundException("balancing run", jobId));
        if (job.result() == null) {
            throw new ConflictException(
                    "The balancing run has not finished; accept its moves once it is done or stopped.");
        }
        Map<String, BalanceResult.Move> proposed = new LinkedHashMap<>();
        job.result().moves().forEach(m -> proposed.put(m.account(), m));
        Map<String, LocalDate> done = accepted(jobId);
        List<TerritoryRefused.Problem> problems = new ArrayList<>();
        List<String> ids = moveIds == null ? List.of() : moveIds;
        if (ids.isEmpty()) {
            problems.add(problem("moves", "territory.balance.accept.none", "choose at least one move to accept"));
        }
        List<BalanceResult.Move> chosen = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            BalanceResult.Move move = proposed.get(id);
            if (move == null || move.to() == null) {
                problems.add(problem(
                        "moves[" + i + "]",
                        "territory.balance.accept.unknown",
                        "the run proposes no move of account '" + id + "'",
                        id));
            } else if (done.containsKey(id)) {
                problems.add(problem(
                        "moves[" + i + "]",
                        "territory.balance.accept.already",
                        "the move of account '" + id + "' was accepted already, from " + done.get(id),
                        id,
                        done.get(id)));
            } else if (chosen.stream().noneMatch(m -> m.account().equals(id))) {
                chosen.add(move);
            }
        }
        if (from == null) {
            problems.add(problem(
                    "effectiveFrom", "territory.balance.accept.date-required", "choose the day the moves take effect"));
        } else {
            closedPeriod(from)
                    .ifPresent(period -> problems.add(problem(
                            "effectiveFrom",
                            "territory.balance.accept.closed",
                            from + " falls in the closed period " + period
                                    + "; choose a day in an open period (or reopen it first)",
                            from,
                            period)));
        }
        if (!problems.isEmpty()) {
            throw new TerritoryRefused(problems);
        }
        Map<Long, List<Long>> byTarget = new LinkedHashMap<>();
        for (BalanceResult.Move m : chosen) {
            long target = context.territories().get(m.to()).id();
            byTarget.computeIfAbsent(target, k -> new ArrayList<>())
                    .add(context.accounts().get(m.account()).id());
        }
        changes.moveAccounts(context.hierarchyId(), byTarget, from, actor);
        List<Map<String, Object>> trail = chosen.stream()
                .map(m ->
                        Map.<String, Object>of("account", m.account(), "from", String.valueOf(m.from()), "to", m.to()))
                .toList();
        audit.record(
                actor,
                "territory.balance.accept",
                "territory_hierarchy",
                String.valueOf(context.hierarchyId()),
                null,
                Map.of("run", jobId, "effectiveFrom", from.toString(), "moves", trail),
                chosen.size() + " of " + proposed.size() + " proposed moves accepted from " + from);
        synchronized (contexts) {
            Map<String, LocalDate> mine = accepted.computeIfAbsent(jobId, k -> new LinkedHashMap<>());
            chosen.forEach(m -> mine.put(m.account(), from));
        }
        return new Accepted(jobId, from, List.copyOf(chosen));
    }

    /** The closed period (the shortest one: month before quarter before year) containing the day, if any. */
    private Optional<String> closedPeriod(LocalDate day) {
        return periods.closed().stream()
                .filter(p -> !p.startsOn().isAfter(day) && !p.endsOn().isBefore(day))
                .min(Comparator.comparing(
                        p -> p.endsOn().toEpochDay() - p.startsOn().toEpochDay()))
                .map(Periods.PeriodRow::id);
    }

    private static TerritoryRefused.Problem problem(String field, String code, String reason, Object... args) {
        return new TerritoryRefused.Problem(field, code, List.of(args), reason);
    }
}
