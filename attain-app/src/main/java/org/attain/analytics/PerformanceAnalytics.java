package org.attain.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.attain.activity.ActivityMonths;
import org.attain.org.PersonScope;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.attain.platform.NotFoundException;
import org.attain.sales.PerformanceFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Performance over any date range for reps, teams, regions and the company: attainment, bookings, win rate,
 * average deal size, sales cycle, pipeline coverage, activities and the funnel (calls → meetings → opportunities →
 * wins), month by month, and each rep's standing among peers in the same role.
 *
 * <p>Where the numbers come from: people, teams and regions from org's and sales' views (a rep's current team and
 * its region); attainment from calc's current results of the quarters the range touches (Σ quota × attainment ÷
 * Σ quota, so a rep's long range weighs each quarter by its quota); bookings, opportunities and the open pipeline
 * from {@link PerformanceFigures}; activities from {@link ActivityMonths}. Money stays in the currency it was
 * booked in (a group across regions lists one amount per currency). A group's attainment is the median of its
 * reps'. Pipeline coverage = open pipeline expected to close within the range ÷ the quota still open
 * (quota − quota × attainment) of the quarters the range touches, per currency; null for a range already over.
 *
 * <p>Every rep employed in the range is computed (peers are company-wide), then the viewer's {@link PersonScope}
 * cuts what leaves: groups total only the reps the viewer may see, a rep outside it is "not found", and peers are
 * only ever shown as a median and a percentile, never a name or an amount of pay.
 */
@Service
public class PerformanceAnalytics {

    /** Longest range asked for at once. */
    public static final int MAX_MONTHS = 36;

    private final JdbcClient jdbc;
    private final PerformanceFigures sales;
    private final ActivityMonths activity;

    PerformanceAnalytics(JdbcClient jdbc, PerformanceFigures sales, ActivityMonths activity) {
        this.jdbc = jdbc;
        this.sales = sales;
        this.activity = activity;
    }

    /** Days [from, to], both included. */
    public record Range(LocalDate from, LocalDate to) {

        /** The range, or a 400 naming the field: both days given, from not after to, at most {@link #MAX_MONTHS}. */
        public static Range of(LocalDate from, LocalDate to) {
            List<FieldProblem> problems = new ArrayList<>();
            if (from == null) {
                problems.add(new FieldProblem("from", "perf.error.fromMissing", "give the first day of the range"));
            }
            if (to == null) {
                problems.add(new FieldProblem("to", "perf.error.toMissing", "give the last day of the range"));
            }
            if (from != null && to != null && from.isAfter(to)) {
                problems.add(
                        new FieldProblem("to", "perf.error.empty", "the range is empty: " + to + " is before " + from));
            } else if (from != null && to != null && from.plusMonths(MAX_MONTHS).isBefore(to.plusDays(1))) {
                problems.add(new FieldProblem(
                        "to", "perf.error.tooLong", "a range spans at most " + MAX_MONTHS + " months"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            return new Range(from, to);
        }

        /** The first day of each calendar month the range touches. */
        public List<LocalDate> months() {
            List<LocalDate> out = new ArrayList<>();
            for (LocalDate m = from.withDayOfMonth(1); !m.isAfter(to); m = m.plusMonths(1)) {
                out.add(m);
            }
            return out;
        }

        public long days() {
            return ChronoUnit.DAYS.between(from, to) + 1;
        }
    }

    public record Month(LocalDate month, Figures figures) {}

    /** A rep's performance over the range; attainment and quota null without a quota in the quarters touched. */
    public record Rep(
            long personId,
            String name,
            String role,
            Long teamId,
            String team,
            Long regionId,
            String region,
            String currency,
            BigDecimal attainment,
            BigDecimal quota,
            BigDecimal openQuota,
            Map<String, BigDecimal> openPipeline,
            Figures figures,
            List<Month> months) {}

    /** A company, region or team: its reps' figures summed, the median of their attainment, coverage per currency. */
    public record Group(
            String level,
            Long id,
            String name,
            int reps,
            BigDecimal medianAttainment,
            Map<String, BigDecimal> coverage,
            Figures figures,
            List<Month> months) {}

    /** One level of the drill-down: the group, the groups one level down (or its reps at team level). */
    public record Overview(Range range, Group group, List<Group> children, List<Rep> reps, boolean empty) {}

    /**
     * One rep with their standing among peers in the same role (company-wide, the rep included); {@code leftOn} is the
     * last day of a rep who has left, null for one still employed.
     */
    public record RepView(
            Range range,
            Rep rep,
            Map<String, BigDecimal> coverage,
            List<PeerStanding> peers,
            boolean empty,
            LocalDate leftOn) {}

    /** A rep's days with the company: first and last (null while employed). */
    public record Tenure(LocalDate start, LocalDate end) {

        boolean overlaps(Range range) {
            return (start == null || !start.isAfter(range.to())) && (end == null || !end.isBefore(range.from()));
        }
    }

    /** A rep's tenure, or empty for anyone who is not a rep. */
    public Optional<Tenure> tenure(long personId) {
        return jdbc.sql(
                        "select employment_start, employment_end from org_person_v where id = :id and role_type = 'REP'")
                .param("id", personId)
                .query((rs, n) -> new Tenure(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)))
                .optional();
    }

    /**
     * The range a rep's page opens on when none is asked for: {@code current}, or for a rep who left before it their
     * last quarter up to their last day, so a former rep's results can still be read without guessing a range.
     */
    public Range openingRange(long personId, Range current) {
        Tenure tenure = tenure(personId).orElse(null);
        if (tenure == null || tenure.end() == null || !tenure.end().isBefore(current.from())) {
            return current;
        }
        LocalDate lastDay = tenure.end();
        LocalDate from = jdbc.sql("""
                        select starts_on from calendar_period_v
                        where kind = 'QUARTER' and starts_on <= :d and ends_on >= :d order by starts_on limit 1""")
                .param("d", lastDay)
                .query(LocalDate.class)
                .optional()
                .orElse(lastDay.withDayOfMonth(1).minusMonths(2));
        if (tenure.start() != null && tenure.start().isAfter(from)) {
            from = tenure.start();
        }
        return new Range(from, lastDay);
    }

    /**
     * The company (as far as the scope reaches), one region or one team. Refused as not found when the region or
     * team has no rep the scope may see.
     */
    public Overview overview(PersonScope scope, Range range, Long regionId, Long teamId, LocalDate today) {
        List<Rep> reps = reps(scope, range, regionId, teamId);
        if (teamId != null) {
            Group team = group("TEAM", teamId, reps.get(0).team(), reps, range, today);
            return new Overview(range, team, List.of(), reps, empty(team));
        }
        Group group = regionId == null
                ? group("COMPANY", null, null, reps, range, today)
                : group("REGION", regionId, reps.get(0).region(), reps, range, today);
        Function<Rep, Long> key = regionId == null ? Rep::regionId : Rep::teamId;
        Function<Rep, String> name = regionId == null ? Rep::region : Rep::team;
        Map<Long, List<Rep>> byChild = new LinkedHashMap<>();
        reps.forEach(r ->
                byChild.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        List<Group> children = new ArrayList<>();
        byChild.forEach((id, members) -> children.add(
                group(regionId == null ? "REGION" : "TEAM", id, name.apply(members.get(0)), members, range, today)));
        return new Overview(range, group, children, List.of(), empty(group));
    }

    private static boolean empty(Group g) {
        return g.figures().isEmpty() && g.medianAttainment() == null;
    }

    /**
     * The reps the scope may see, all or of one region or team, by region, team and name. A region or team without
     * a rep the scope may see is "not found" (whether it exists is not told).
     */
    public List<Rep> reps(PersonScope scope, Range range, Long regionId, Long teamId) {
        Comparator<String> byName = Comparator.nullsLast(Comparator.naturalOrder());
        List<Rep> reps = all(range).stream()
                .filter(r -> scope.includes(r.personId()))
                .filter(r -> regionId == null || regionId.equals(r.regionId()))
                .filter(r -> teamId == null || teamId.equals(r.teamId()))
                .sorted(Comparator.comparing(Rep::region, byName)
                        .thenComparing(Rep::team, byName)
                        .thenComparing(Rep::name)
                        .thenComparing(Rep::personId))
                .toList();
        if (teamId != null && reps.isEmpty()) {
            throw new NotFoundException(
                    new FieldProblem("team", "perf.error.team", "no team " + teamId + " with reps you may see"));
        }
        if (regionId != null && reps.isEmpty()) {
            throw new NotFoundException(new FieldProblem(
                    "region", "perf.error.region", "no region " + regionId + " with reps you may see"));
        }
        return reps;
    }

    /** One rep the scope may see, with peers; anyone else (or not a rep) is "not found" with the reason. */
    public RepView rep(PersonScope scope, long personId, Range range, LocalDate today) {
        List<Rep> all = all(range);
        Rep rep = all.stream()
                .filter(r -> r.personId() == personId && scope.includes(personId))
                .findFirst()
                .orElseThrow(() -> notFound(scope, personId, range));
        List<Rep> peers =
                all.stream().filter(r -> Objects.equals(r.role(), rep.role())).toList();
        List<Rep> sameCurrency = peers.stream()
                .filter(r -> Objects.equals(r.currency(), rep.currency()))
                .toList();
        List<PeerStanding> standings = new ArrayList<>();
        standings.add(standing("attainment", rep, peers, Rep::attainment, false));
        standings.add(standing("bookings", rep, sameCurrency, r -> booked(r), false));
        standings.add(standing("win_rate", rep, peers, r -> r.figures().winRate(), false));
        standings.add(standing(
                "average_deal_size",
                rep,
                sameCurrency,
                r -> r.figures().averageDealSize().get(r.currency()),
                false));
        standings.add(standing("sales_cycle_days", rep, peers, r -> r.figures().salesCycleDays(), true));
        standings.add(standing(
                "calls", rep, peers, r -> BigDecimal.valueOf(r.figures().calls()), false));
        standings.add(standing(
                "meetings", rep, peers, r -> BigDecimal.valueOf(r.figures().meetings()), false));
        standings.add(standing(
                "opportunities", rep, peers, r -> BigDecimal.valueOf(r.figures().opportunities()), false));
        return new RepView(
                range,
                rep,
                coverage(List.of(rep), range, today),
                standings,
                rep.figures().isEmpty() && rep.attainment() == null,
                tenure(personId)
                        .map(Tenure::end)
                        .filter(end -> end.isBefore(today))
                        .orElse(null));
    }

    /**
     * Why a rep is not shown: outside the viewer's scope (whether they exist is not told), or a rep the viewer may
     * see who was not employed in the range (told with their days, so the reader can pick a range that fits).
     */
    private NotFoundException notFound(PersonScope scope, long personId, Range range) {
        if (scope.includes(personId)) {
            Optional<Tenure> tenure = tenure(personId).filter(t -> !t.overlaps(range));
            if (tenure.isPresent()) {
                return new NotFoundException(new FieldProblem(
                        "person",
                        "perf.error.notEmployed",
                        "rep " + personId + " was employed from " + tenure.get().start() + " to "
                                + (tenure.get().end() == null
                                        ? "today"
                                        : tenure.get().end())
                                + ", not in " + range.from() + " .. " + range.to() + ": pick days within that time"));
            }
        }
        return new NotFoundException(new FieldProblem(
                "person", "perf.error.person", "no rep " + personId + " among the people you may see"));
    }

    private static BigDecimal booked(Rep r) {
        return r.figures().bookings().getOrDefault(r.currency(), BigDecimal.ZERO);
    }

    private static PeerStanding standing(
            String metric, Rep rep, List<Rep> peers, Function<Rep, BigDecimal> value, boolean lowerIsBetter) {
        return PeerStanding.of(
                metric, value.apply(rep), peers.stream().map(value).toList(), lowerIsBetter);
    }

    private Group group(String level, Long id, String name, List<Rep> reps, Range range, LocalDate today) {
        Figures total = reps.stream().map(Rep::figures).reduce(Figures.NONE, Figures::plus);
        List<BigDecimal> attained =
                reps.stream().map(Rep::attainment).filter(Objects::nonNull).toList();
        List<Month> months = new ArrayList<>();
        for (int i = 0; i < range.months().size(); i++) {
            int m = i;
            months.add(new Month(
                    range.months().get(i),
                    reps.stream().map(r -> r.months().get(m).figures()).reduce(Figures.NONE, Figures::plus)));
        }
        return new Group(
                level,
                id,
                name,
                reps.size(),
                TeamInsights.median(attained),
                coverage(reps, range, today),
                total,
                months);
    }

    /** Open pipeline ÷ open quota per currency of the reps' quotas; empty when the range is over or nothing is open. */
    static Map<String, BigDecimal> coverage(List<Rep> reps, Range range, LocalDate today) {
        Map<String, BigDecimal> out = new TreeMap<>();
        if (range.to().isBefore(today)) {
            return out;
        }
        Map<String, BigDecimal> open = new HashMap<>();
        Map<String, BigDecimal> pipeline = new HashMap<>();
        for (Rep r : reps) {
            if (r.openQuota() != null && r.openQuota().signum() > 0) {
                open.merge(r.currency(), r.openQuota(), BigDecimal::add);
                pipeline.merge(
                        r.currency(), r.openPipeline().getOrDefault(r.currency(), BigDecimal.ZERO), BigDecimal::add);
            }
        }
        open.forEach((c, q) -> out.put(c, pipeline.get(c).divide(q, 2, RoundingMode.HALF_EVEN)));
        return out;
    }

    /** Every rep employed at some time in the range, with their figures, by name. */
    List<Rep> all(Range range) {
        record Person(
                long id,
                String name,
                String role,
                Long teamId,
                String team,
                Long regionId,
                String region,
                String currency,
                BigDecimal credited,
                BigDecimal quota) {}
        List<Person> people = jdbc.sql("""
                select p.id, p.first_name || ' ' || p.last_name, coalesce(p.title, p.role_type), p.team_id, t.name,
                       coalesce(t.region_id, p.region_id), g.name, p.currency, a.credited, a.quota
                from org_person_v p
                left join org_team_v t on t.id = p.team_id
                left join sales_region_v g on g.id = coalesce(t.region_id, p.region_id)
                left join (select r.person_id, sum(r.quota * r.attainment) as credited, sum(r.quota) as quota
                           from calc_current_result_v r join calendar_period_v c on c.id = r.period_id
                           where c.kind = 'QUARTER' and c.starts_on <= :to and c.ends_on >= :from
                             and r.quota > 0 and r.attainment is not null
                           group by r.person_id) a on a.person_id = p.id
                where p.role_type = 'REP' and (p.employment_start is null or p.employment_start <= :to)
                  and (p.employment_end is null or p.employment_end >= :from)
                order by 2, 1""")
                .param("from", range.from())
                .param("to", range.to())
                .query((rs, n) -> new Person(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        (Long) rs.getObject(4, Long.class),
                        rs.getString(5),
                        (Long) rs.getObject(6, Long.class),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getBigDecimal(9),
                        rs.getBigDecimal(10)))
                .list();
        List<Long> ids = people.stream().map(Person::id).toList();
        List<LocalDate> months = range.months();
        Map<Long, Map<LocalDate, Figures>> byRep = new HashMap<>();
        Function<Long, Map<LocalDate, Figures>> rep = id -> byRep.computeIfAbsent(id, k -> new HashMap<>());
        for (var b : sales.bookingsByMonth(ids, range.from(), range.to())) {
            rep.apply(b.ownerId())
                    .merge(
                            b.month(),
                            new Figures(
                                    Map.of(b.currency(), b.bookings()),
                                    Map.of(b.currency(), b.deals()),
                                    0,
                                    0,
                                    0,
                                    0,
                                    0,
                                    0,
                                    0,
                                    0),
                            Figures::plus);
        }
        for (var o : sales.opportunitiesByMonth(ids, range.from(), range.to())) {
            rep.apply(o.ownerId())
                    .merge(
                            o.month(),
                            new Figures(Map.of(), Map.of(), o.created(), o.won(), o.lost(), o.wonDays(), 0, 0, 0, 0),
                            Figures::plus);
        }
        for (var a : activity.byMonth(ids, range.from(), range.to())) {
            long n = a.count();
            Figures f = switch (a.kind()) {
                case "CALL" -> new Figures(Map.of(), Map.of(), 0, 0, 0, 0, n, 0, 0, 0);
                case "MEETING" -> new Figures(Map.of(), Map.of(), 0, 0, 0, 0, 0, n, 0, 0);
                case "EMAIL" -> new Figures(Map.of(), Map.of(), 0, 0, 0, 0, 0, 0, n, 0);
                default -> new Figures(Map.of(), Map.of(), 0, 0, 0, 0, 0, 0, 0, n);
            };
            rep.apply(a.personId()).merge(a.month(), f, Figures::plus);
        }
        Map<Long, Map<String, BigDecimal>> pipeline = new HashMap<>();
        for (var p : sales.openPipeline(ids, range.from(), range.to())) {
            pipeline.computeIfAbsent(p.ownerId(), k -> new TreeMap<>()).put(p.currency(), p.amount());
        }
        List<Rep> out = new ArrayList<>();
        for (Person p : people) {
            Map<LocalDate, Figures> mine = byRep.getOrDefault(p.id(), Map.of());
            List<Month> series = months.stream()
                    .map(m -> new Month(m, mine.getOrDefault(m, Figures.NONE)))
                    .toList();
            Figures total = series.stream().map(Month::figures).reduce(Figures.NONE, Figures::plus);
            BigDecimal attainment =
                    p.quota() == null ? null : p.credited().divide(p.quota(), 4, RoundingMode.HALF_EVEN);
            BigDecimal openQuota = p.quota() == null ? null : p.quota().subtract(p.credited());
            out.add(new Rep(
                    p.id(),
                    p.name(),
                    p.role(),
                    p.teamId(),
                    p.team(),
                    p.regionId(),
                    p.region(),
                    p.currency(),
                    attainment,
                    p.quota(),
                    openQuota,
                    pipeline.getOrDefault(p.id(), Map.of()),
                    total,
                    series));
        }
        return out;
    }
}
