package org.attain.territory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Which territory each account lands in on a day, per hierarchy, with the territory's owners and overlays, and
 * the accounts no rule claims ("Unassigned"). Computed in one SQL statement ({@link AssignmentQuery}).
 */
@Service
public class TerritoryAssignments {

    /** An account's territory in one hierarchy on a day, and the rule that put it there. */
    public record Assignment(long hierarchyId, long accountId, long territoryId, int precedence, long ruleId) {}

    /** An account no rule of a hierarchy claims on the day. */
    public record Unassigned(
            long hierarchyId,
            long accountId,
            String externalId,
            String name,
            String country,
            String postalCode,
            String industry,
            String sizeBand,
            Long ownerId) {}

    /** A person in a claim: owner or overlay. */
    public record ClaimMember(long personId, MemberRole role) {}

    /**
     * The seam calculation reads: over [validFrom, validUntil) the account lands in this territory and these people
     * own it or overlay it. Consecutive days with the same territory and members are one claim.
     */
    public record TerritoryClaim(
            long accountId,
            long hierarchyId,
            long territoryId,
            String territoryCode,
            String territoryName,
            LocalDate validFrom,
            LocalDate validUntil,
            List<ClaimMember> members) {

        public TerritoryClaim {
            members = List.copyOf(members);
        }
    }

    /** Everything assigned on one day. */
    public record Assignments(
            LocalDate day,
            List<Assignment> assigned,
            List<Unassigned> unassigned,
            Map<Long, List<TerritoryMember>> membersByTerritory) {

        /** The account's territory in a hierarchy, if a rule claims it. */
        public Optional<Assignment> of(long accountId, long hierarchyId) {
            return assigned.stream()
                    .filter(a -> a.accountId() == accountId && a.hierarchyId() == hierarchyId)
                    .findFirst();
        }

        public List<TerritoryMember> members(long territoryId) {
            return membersByTerritory.getOrDefault(territoryId, List.of());
        }
    }

    private final JdbcClient jdbc;
    private final Territories territories;

    TerritoryAssignments(JdbcClient jdbc, Territories territories) {
        this.jdbc = jdbc;
        this.territories = territories;
    }

    /** Every hierarchy's assignments on a day. */
    public Assignments on(LocalDate day) {
        return on(day, null);
    }

    /** One hierarchy's assignments on a day (null: every hierarchy). */
    public Assignments on(LocalDate day, Long hierarchyId) {
        List<Assignment> assigned = new ArrayList<>();
        List<AssignmentQuery.Claim> claims = AssignmentQuery.on(jdbc, day, hierarchyId);
        for (AssignmentQuery.Claim c : claims) {
            // Conflicts are refused when saved; should account data make one, the lowest territory id wins.
            assigned.add(new Assignment(
                    c.hierarchyId(), c.accountId(), c.territoryIds().get(0), c.precedence(), c.ruleId()));
        }
        return new Assignments(day, assigned, unassigned(day, hierarchyId, claims), membersOn(day, hierarchyId));
    }

    /** The accounts of hierarchies with territories in force on the day that no rule claims, by external id. */
    public List<Unassigned> unassigned(LocalDate day, Long hierarchyId) {
        return unassigned(day, hierarchyId, AssignmentQuery.on(jdbc, day, hierarchyId));
    }

    private List<Unassigned> unassigned(LocalDate day, Long hierarchyId, List<AssignmentQuery.Claim> claims) {
        List<Long> live = territories.inForce(hierarchyId, day).stream()
                .map(Territory::hierarchyId)
                .distinct()
                .sorted()
                .toList();
        List<Unassigned> out = new ArrayList<>();
        if (live.isEmpty()) {
            return out;
        }
        java.util.Set<String> claimed = new java.util.HashSet<>();
        claims.forEach(c -> claimed.add(c.hierarchyId() + ":" + c.accountId()));
        List<Unassigned> accounts = jdbc.sql("""
                select id, external_id, name, country, postal_code, industry, size_band, owner_id
                from sales_account_v order by external_id, id""")
                .query((rs, i) -> {
                    long owner = rs.getLong(8);
                    return new Unassigned(
                            0,
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            trim(rs.getString(4)),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.wasNull() ? null : owner);
                })
                .list();
        for (long h : live) {
            for (Unassigned a : accounts) {
                if (!claimed.contains(h + ":" + a.accountId())) {
                    out.add(new Unassigned(
                            h,
                            a.accountId(),
                            a.externalId(),
                            a.name(),
                            a.country(),
                            a.postalCode(),
                            a.industry(),
                            a.sizeBand(),
                            a.ownerId()));
                }
            }
        }
        return out;
    }

    /** Owners and overlays in force on the day, by territory. */
    public Map<Long, List<TerritoryMember>> membersOn(LocalDate day, Long hierarchyId) {
        Map<Long, List<TerritoryMember>> out = new HashMap<>();
        territories.allMembers(hierarchyId).stream()
                .filter(m -> m.inForceOn(day))
                .forEach(m -> out.computeIfAbsent(m.territoryId(), k -> new ArrayList<>())
                        .add(m));
        return out;
    }

    /**
     * The effective-dated account-to-territory assignments over [from, until) with owners and overlays, for a
     * calculation to credit by territory on a deal's credit date. Assignments can only change where a territory,
     * rule or membership starts or ends, so the statement runs once per such day in the range. Accounts are read as
     * they are now (the account table keeps no history).
     */
    public List<TerritoryClaim> claims(LocalDate from, LocalDate until) {
        return claims(from, until, null);
    }

    /** As {@link #claims(LocalDate, LocalDate)}, for one hierarchy (null: every hierarchy). */
    public List<TerritoryClaim> claims(LocalDate from, LocalDate until, Long hierarchyId) {
        if (!until.isAfter(from)) {
            return List.of();
        }
        List<LocalDate> days = changeDays(from, until);
        Map<Long, String> codes = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        territories.all(null).forEach(t -> {
            codes.put(t.id(), t.code());
            names.put(t.id(), t.name());
        });
        List<TerritoryMember> members = territories.allMembers(hierarchyId);
        // Open claims per (hierarchy, account), closed when the territory or its members change.
        Map<String, TerritoryClaim> open = new LinkedHashMap<>();
        List<TerritoryClaim> out = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            LocalDate end = i + 1 < days.size() ? days.get(i + 1) : until;
            Map<Long, List<ClaimMember>> membersOn = new HashMap<>();
            members.stream()
                    .filter(m -> m.inForceOn(day))
                    .sorted(Comparator.comparing(TerritoryMember::role).thenComparingLong(TerritoryMember::personId))
                    .forEach(m -> membersOn
                            .computeIfAbsent(m.territoryId(), k -> new ArrayList<>())
                            .add(new ClaimMember(m.personId(), m.role())));
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (AssignmentQuery.Claim c : AssignmentQuery.on(jdbc, day, hierarchyId)) {
                String key = c.hierarchyId() + ":" + c.accountId();
                seen.add(key);
                long territory = c.territoryIds().get(0);
                List<ClaimMember> who = membersOn.getOrDefault(territory, List.of());
                TerritoryClaim current = open.get(key);
                if (current != null
                        && current.territoryId() == territory
                        && current.members().equals(who)
                        && current.validUntil().equals(day)) {
                    open.put(
                            key,
                            new TerritoryClaim(
                                    current.accountId(),
                                    current.hierarchyId(),
                                    territory,
                                    current.territoryCode(),
                                    current.territoryName(),
                                    current.validFrom(),
                                    end,
                                    who));
                } else {
                    if (current != null) {
                        out.add(current);
                    }
                    open.put(
                            key,
                            new TerritoryClaim(
                                    c.accountId(),
                                    c.hierarchyId(),
                                    territory,
                                    codes.get(territory),
                                    names.get(territory),
                                    day,
                                    end,
                                    who));
                }
            }
            for (var it = open.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                if (!seen.contains(e.getKey())) {
                    out.add(e.getValue());
                    it.remove();
                }
            }
        }
        out.addAll(open.values());
        out.sort(Comparator.comparingLong(TerritoryClaim::hierarchyId)
                .thenComparingLong(TerritoryClaim::accountId)
                .thenComparing(TerritoryClaim::validFrom));
        return out;
    }

    /** The first day and every day inside the range on which a territory, rule or membership starts or ends. */
    List<LocalDate> changeDays(LocalDate from, LocalDate until) {
        TreeSet<LocalDate> days = new TreeSet<>(jdbc.sql("""
                select d from (
                    select valid_from as d from territory union select valid_until from territory
                    union select valid_from from territory_rule union select valid_until from territory_rule
                    union select valid_from from territory_member union select valid_until from territory_member) x
                where d is not null and d > :from and d < :until""")
                .param("from", from)
                .param("until", until)
                .query(LocalDate.class)
                .list());
        days.add(from);
        return List.copyOf(days);
    }

    private static String trim(String s) {
        return Objects.toString(s, null) == null ? null : s.strip();
    }
}
