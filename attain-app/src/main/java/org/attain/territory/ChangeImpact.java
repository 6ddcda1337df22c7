package org.attain.territory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a change does to assignments over a range: the state of one hierarchy on every day something starts or
 * ends, taken before and after the write, compared; conflicts found after it; and the people whose territory
 * credit may move.
 */
@Component
class ChangeImpact {

    /** Account to territory on each change day of a range (the state holds until the next day). */
    record Snapshot(TreeMap<LocalDate, Map<Long, Long>> byDay) {

        Map<Long, Long> on(LocalDate day) {
            var e = byDay.floorEntry(day);
            return e == null ? Map.of() : e.getValue();
        }
    }

    /** A conflict: on the day, two territories' rules of one precedence claim these accounts. */
    record Conflict(LocalDate day, int precedence, List<Long> territoryIds, List<Long> accountIds) {}

    private final JdbcClient jdbc;
    private final TerritoryAssignments assignments;

    ChangeImpact(JdbcClient jdbc, TerritoryAssignments assignments) {
        this.jdbc = jdbc;
        this.assignments = assignments;
    }

    Snapshot snapshot(long hierarchyId, LocalDate from, LocalDate until) {
        TreeMap<LocalDate, Map<Long, Long>> byDay = new TreeMap<>();
        for (LocalDate day : assignments.changeDays(from, TerritoryChecks.end(until))) {
            Map<Long, Long> state = new HashMap<>();
            AssignmentQuery.on(jdbc, day, hierarchyId)
                    .forEach(c -> state.put(c.accountId(), c.territoryIds().get(0)));
            byDay.put(day, state);
        }
        return new Snapshot(byDay);
    }

    /** The first conflict in the range, if any (the statement runs on every day something starts). */
    Conflict firstConflict(long hierarchyId, LocalDate from, LocalDate until) {
        for (LocalDate day : assignments.changeDays(from, TerritoryChecks.end(until))) {
            Map<String, Conflict> found = new java.util.LinkedHashMap<>();
            for (AssignmentQuery.Claim c : AssignmentQuery.on(jdbc, day, hierarchyId)) {
                if (c.conflict()) {
                    String key = c.precedence() + ":" + c.territoryIds();
                    Conflict k = found.computeIfAbsent(
                            key, x -> new Conflict(day, c.precedence(), c.territoryIds(), new ArrayList<>()));
                    k.accountIds().add(c.accountId());
                }
            }
            if (!found.isEmpty()) {
                return found.values().iterator().next();
            }
        }
        return null;
    }

    /**
     * The people a change moves pay for: members over the range of the changed territories and of every territory
     * an account left or joined, and the owners of those accounts and of the changed territories' accounts.
     */
    Set<Long> people(Set<Long> changedTerritories, Snapshot before, Snapshot after, LocalDate from, LocalDate until) {
        Set<Long> territories = new HashSet<>(changedTerritories);
        Set<Long> accounts = new HashSet<>();
        Set<LocalDate> days = new TreeSet<>(before.byDay().keySet());
        days.addAll(after.byDay().keySet());
        for (LocalDate day : days) {
            Map<Long, Long> b = before.on(day);
            Map<Long, Long> a = after.on(day);
            Set<Long> all = new HashSet<>(b.keySet());
            all.addAll(a.keySet());
            for (Long account : all) {
                Long was = b.get(account);
                Long is = a.get(account);
                if (!java.util.Objects.equals(was, is)) {
                    accounts.add(account);
                    if (was != null) {
                        territories.add(was);
                    }
                    if (is != null) {
                        territories.add(is);
                    }
                } else if (is != null && changedTerritories.contains(is)) {
                    accounts.add(account);
                }
            }
        }
        Set<Long> people = new TreeSet<>();
        if (!territories.isEmpty()) {
            people.addAll(jdbc.sql("""
                    select distinct person_id from territory_member
                    where territory_id in (:t) and valid_from < :until and (valid_until is null or valid_until > :from)""")
                    .param("t", territories)
                    .param("from", from)
                    .param("until", TerritoryChecks.end(until))
                    .query(Long.class)
                    .list());
        }
        if (!accounts.isEmpty()) {
            people.addAll(
                    jdbc.sql("select distinct owner_id from sales_account_v where id in (:a) and owner_id is not null")
                            .param("a", accounts)
                            .query(Long.class)
                            .list());
        }
        return people;
    }

    static LocalDate earliest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    /** The later end, null (open) when either is open. */
    static LocalDate latest(LocalDate a, LocalDate b) {
        return a == null || b == null ? null : a.isAfter(b) ? a : b;
    }

    static List<Long> first(List<Long> ids, int n) {
        return ids.subList(0, Math.min(n, ids.size()));
    }
}
