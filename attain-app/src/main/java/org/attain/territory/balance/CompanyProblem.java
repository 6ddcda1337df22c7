package org.attain.territory.balance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.attain.activity.ActivityReads;
import org.attain.fx.FxRates;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.attain.sales.SalesFigures;
import org.attain.territory.Level;
import org.attain.territory.Territories;
import org.attain.territory.Territory;
import org.attain.territory.TerritoryAssignments;
import org.attain.territory.TerritoryRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds a {@link BalanceProblem} from the company: the territories of a hierarchy in force on a day (those on the
 * territory level without children, and any other territory accounts land in; an uncarved district is not one); optionally only those below one territory), the accounts assigned to
 * them that day with their metrics (potential, and won bookings over the twelve months before the day, both in the
 * company currency at the day's rates; the number of accounts; activities over those twelve months as workload),
 * accounts named by a named-account rule that day kept where they are, and the accounts the planner locks.
 */
@Component
class CompanyProblem {

    static final String POTENTIAL = "potential";
    static final String BOOKINGS = "bookings";
    static final String WORKLOAD = "workload";
    static final List<String> METRICS = List.of(POTENTIAL, BOOKINGS, BalanceProblem.ACCOUNT_COUNT, WORKLOAD);

    private final JdbcClient jdbc;
    private final Territories territories;
    private final TerritoryAssignments assignments;
    private final SalesFigures sales;
    private final ActivityReads activities;
    private final FxRates fx;

    CompanyProblem(
            JdbcClient jdbc,
            Territories territories,
            TerritoryAssignments assignments,
            SalesFigures sales,
            ActivityReads activities,
            FxRates fx) {
        this.jdbc = jdbc;
        this.territories = territories;
        this.assignments = assignments;
        this.sales = sales;
        this.activities = activities;
        this.fx = fx;
    }

    /** The problem and what the page needs to show it: accounts and territories by the problem's ids. */
    record Built(BalanceProblem problem, CompanyBalance.Context context) {}

    Built build(CompanyBalance.Options o, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        var hierarchy = o.hierarchyId() == null
                ? null
                : territories.hierarchy(o.hierarchyId()).orElse(null);
        if (hierarchy == null) {
            problems.add(new FieldProblem(
                    "hierarchyId", "territory.balance.error.unknown-hierarchy", "there is no such hierarchy"));
        }
        List<CompanyBalance.MetricChoice> metrics = o.metrics() == null ? List.of() : o.metrics();
        if (metrics.isEmpty()) {
            problems.add(new FieldProblem(
                    "metrics", "territory.balance.error.required", "choose at least one metric to balance"));
        }
        for (int i = 0; i < metrics.size(); i++) {
            String name = metrics.get(i) == null ? null : metrics.get(i).name();
            if (!METRICS.contains(name)) {
                problems.add(new FieldProblem(
                        "metrics[" + i + "].name",
                        "territory.balance.error.unknown-metric",
                        "'" + name + "' is not a metric; choose from " + String.join(", ", METRICS)));
            }
        }
        if (o.band() != null && o.band().signum() <= 0) {
            problems.add(new FieldProblem(
                    "band",
                    "territory.balance.error.band-positive",
                    "the band must be above 0 (0.10 = within ±10 % of the mean), not "
                            + o.band().toPlainString()));
        }
        String currency = o.currency() == null ? null : o.currency().strip().toUpperCase(java.util.Locale.ROOT);
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            problems.add(new FieldProblem(
                    "currency",
                    "territory.balance.error.currency",
                    "give the company currency as ISO code (e.g. EUR)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        LocalDate day = o.day() == null ? today : o.day();
        long h = hierarchy.id();
        List<Territory> inForce = territories.inForce(h, day);
        Territory scopeRoot = root(inForce, o.under(), Boolean.TRUE.equals(o.wholeHierarchy()), problems);
        Set<Long> scope = scope(inForce, scopeRoot);
        var assigned = assignments.on(day, h).assigned();
        Set<Long> landed = new HashSet<>();
        assigned.forEach(a -> landed.add(a.territoryId()));
        Set<Long> parents = new HashSet<>();
        inForce.forEach(t -> {
            if (t.parentId() != null) {
                parents.add(t.parentId());
            }
        });
        Map<Long, Territory> chosen = new LinkedHashMap<>();
        inForce.stream()
                .filter(t -> scope.contains(t.id())
                        && ((t.level() == Level.TERRITORY && !parents.contains(t.id())) || landed.contains(t.id())))
                .sorted(java.util.Comparator.comparing(Territory::code))
                .forEach(t -> chosen.put(t.id(), t));
        if (chosen.isEmpty()) {
            problems.add(new FieldProblem(
                    "under", "territory.balance.error.no-territories", "no territories are in force there on " + day));
            throw new InvalidInputException(problems);
        }
        Map<Long, AccountRow> rows = accounts();
        Map<Long, Long> territoryOf = new TreeMap<>();
        assigned.stream()
                .filter(a -> chosen.containsKey(a.territoryId()))
                .forEach(a -> territoryOf.put(a.accountId(), a.territoryId()));
        Map<String, Integer> externalCount = new HashMap<>();
        territoryOf.keySet().forEach(id -> externalCount.merge(rows.get(id).externalId(), 1, Integer::sum));

        Set<String> wanted = new HashSet<>();
        metrics.forEach(m -> wanted.add(m.name()));
        Conversion rates = new Conversion(fx.all(), currency, day);
        Map<Long, BigDecimal> bookings = wanted.contains(BOOKINGS) ? bookings(day, rates, problems) : Map.of();
        Map<Long, Long> workload =
                wanted.contains(WORKLOAD) ? activities.countsByAccount(day.minusYears(1), day.minusDays(1)) : Map.of();
        Set<Long> namedIds = new HashSet<>();
        for (TerritoryRule r : territories.allRules(h)) {
            boolean inForceOnDay =
                    !day.isBefore(r.validFrom()) && (r.validUntil() == null || day.isBefore(r.validUntil()));
            if (inForceOnDay) {
                namedIds.addAll(r.accountIds());
            }
        }

        Map<String, CompanyBalance.AccountRef> accountRefs = new LinkedHashMap<>();
        Map<Long, String> problemId = new HashMap<>();
        List<BalanceProblem.Account> accounts = new ArrayList<>();
        List<String> named = new ArrayList<>();
        int withoutPotential = 0;
        for (var e : territoryOf.entrySet()) {
            AccountRow row = rows.get(e.getKey());
            String id = externalCount.get(row.externalId()) > 1 ? row.externalId() + "#" + row.id() : row.externalId();
            problemId.put(row.id(), id);
            String territoryCode = chosen.get(e.getValue()).code();
            accountRefs.put(id, new CompanyBalance.AccountRef(row.id(), id, row.name(), territoryCode));
            Map<String, BigDecimal> values = new HashMap<>();
            if (wanted.contains(POTENTIAL)) {
                BigDecimal potential = BigDecimal.ZERO;
                if (row.potential() == null) {
                    withoutPotential++;
                } else {
                    potential = convert(row.potential(), row.potentialCurrency(), rates, "potential", problems);
                }
                values.put(POTENTIAL, potential);
            }
            if (wanted.contains(BOOKINGS)) {
                values.put(BOOKINGS, bookings.getOrDefault(row.id(), BigDecimal.ZERO));
            }
            if (wanted.contains(WORKLOAD)) {
                values.put(WORKLOAD, BigDecimal.valueOf(workload.getOrDefault(row.id(), 0L)));
            }
            accounts.add(new BalanceProblem.Account(id, values, territoryCode));
            if (namedIds.contains(row.id())) {
                named.add(id);
            }
        }
        Map<String, String> locks = new LinkedHashMap<>();
        List<String> lockedAccounts = o.lockedAccounts() == null ? List.of() : o.lockedAccounts();
        for (int i = 0; i < lockedAccounts.size(); i++) {
            String given =
                    lockedAccounts.get(i) == null ? "" : lockedAccounts.get(i).strip();
            CompanyBalance.AccountRef ref = accountRefs.get(given);
            if (ref == null) {
                problems.add(new FieldProblem(
                        "lockedAccounts[" + i + "]",
                        "territory.balance.error.lock-unknown",
                        "account '" + given + "' is not among the accounts of the territories being balanced"));
            } else if (!named.contains(given)) {
                locks.put(given, ref.territory());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, CompanyBalance.TerritoryRef> territoryRefs = new LinkedHashMap<>();
        chosen.values()
                .forEach(t -> territoryRefs.put(t.code(), new CompanyBalance.TerritoryRef(t.id(), t.code(), t.name())));
        List<BalanceProblem.Metric> chosenMetrics = metrics.stream()
                .map(m -> new BalanceProblem.Metric(m.name(), m.weight()))
                .toList();
        BalanceProblem problem = new BalanceProblem(
                accounts,
                List.copyOf(territoryRefs.keySet()),
                locks,
                named,
                chosenMetrics,
                o.band(),
                o.disruptionWeight(),
                o.timeLimitSeconds());
        CompanyBalance.Context context = new CompanyBalance.Context(
                h,
                hierarchy.name(),
                scopeRoot == null
                        ? null
                        : new CompanyBalance.TerritoryRef(scopeRoot.id(), scopeRoot.code(), scopeRoot.name()),
                day,
                currency,
                chosenMetrics.stream().map(BalanceProblem.Metric::name).toList(),
                problem.band(),
                accountRefs,
                territoryRefs,
                Set.copyOf(locks.keySet()),
                Set.copyOf(named),
                withoutPotential);
        return new Built(problem, context);
    }

    /**
     * The territory whose subtree is balanced: the one asked for; with none asked for, the region with the most
     * territories (a run stays inside one region unless the whole hierarchy is asked for: balancing across regions
     * moved US accounts to Austria); null: the whole hierarchy (asked for, or a hierarchy without regions).
     */
    private static Territory root(List<Territory> inForce, Long under, boolean whole, List<FieldProblem> problems) {
        if (under == null) {
            if (whole) {
                return null;
            }
            return largestRegion(inForce).orElse(null);
        }
        return inForce.stream().filter(t -> t.id() == under).findFirst().orElseThrow(() -> {
            problems.add(new FieldProblem(
                    "under", "territory.balance.error.unknown-scope", "there is no such territory in force that day"));
            return new InvalidInputException(problems);
        });
    }

    /** The region with the most territories below it (ties: the first by code); empty without regions. */
    static java.util.Optional<Territory> largestRegion(List<Territory> inForce) {
        return inForce.stream()
                .filter(t -> t.level() == Level.REGION)
                .min(java.util.Comparator.comparingInt(
                                (Territory t) -> -scope(inForce, t).size())
                        .thenComparing(Territory::code));
    }

    /** Every territory in force, or those at and below {@code root}. */
    private static Set<Long> scope(List<Territory> inForce, Territory root) {
        Set<Long> out = new HashSet<>();
        if (root == null) {
            inForce.forEach(t -> out.add(t.id()));
            return out;
        }
        out.add(root.id());
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Territory t : inForce) {
                if (t.parentId() != null && out.contains(t.parentId()) && out.add(t.id())) {
                    grew = true;
                }
            }
        }
        return out;
    }

    private Map<Long, BigDecimal> bookings(LocalDate day, Conversion rates, List<FieldProblem> problems) {
        Map<Long, BigDecimal> out = new HashMap<>();
        for (SalesFigures.AccountBookings b : sales.wonByAccount(day.minusYears(1), day.minusDays(1))) {
            out.merge(b.accountId(), convert(b.bookings(), b.currency(), rates, "bookings", problems), BigDecimal::add);
        }
        return out;
    }

    private static BigDecimal convert(
            BigDecimal amount, String from, Conversion rates, String metric, List<FieldProblem> problems) {
        var rate = rates.rate(from.strip());
        if (rate.isEmpty()) {
            String field = "currency";
            if (problems.stream()
                    .noneMatch(p -> p.field().equals(field) && p.reason().contains(from))) {
                problems.add(new FieldProblem(
                        field,
                        "territory.balance.error.no-rate",
                        "no exchange rate converts " + from + " (" + metric + ") to the company currency on "
                                + rates.day()));
            }
            return BigDecimal.ZERO;
        }
        return amount.multiply(rate.get()).setScale(2, RoundingMode.HALF_EVEN);
    }

    private record AccountRow(
            long id, String externalId, String name, BigDecimal potential, String potentialCurrency) {}

    private Map<Long, AccountRow> accounts() {
        Map<Long, AccountRow> out = new HashMap<>();
        jdbc.sql("select id, external_id, name, potential, potential_currency from sales_account_v")
                .query(rs -> {
                    out.put(
                            rs.getLong(1),
                            new AccountRow(
                                    rs.getLong(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getBigDecimal(4),
                                    rs.getString(5)));
                });
        return out;
    }
}
