package org.attain.territory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A hierarchy on a day as planners read it: every territory in force in tree order with its depth, owners and
 * overlays, and its accounts (its own and its subtree's, with their employees as a measure of potential).
 */
@Service
public class TerritoryOverview {

    /** One line of the tree. {@code accounts}/{@code employees} count the subtree; {@code ownAccounts} its own. */
    public record Node(
            Territory territory,
            int depth,
            List<TerritoryMember> owners,
            List<TerritoryMember> overlays,
            long ownAccounts,
            long accounts,
            long employees) {}

    /** An account of a territory on a day. */
    public record Account(
            long id,
            String externalId,
            String name,
            String country,
            String postalCode,
            String industry,
            String sizeBand,
            Integer employees,
            long ruleId,
            int precedence) {}

    private final JdbcClient jdbc;
    private final Territories territories;
    private final TerritoryAssignments assignments;

    TerritoryOverview(JdbcClient jdbc, Territories territories, TerritoryAssignments assignments) {
        this.jdbc = jdbc;
        this.territories = territories;
        this.assignments = assignments;
    }

    public List<Node> tree(long hierarchyId, LocalDate day) {
        List<Territory> live = territories.inForce(hierarchyId, day);
        Map<Long, Integer> employees = employeesByAccount();
        Map<Long, long[]> own = new HashMap<>();
        TerritoryAssignments.Assignments a = assignments.on(day, hierarchyId);
        a.assigned().forEach(x -> {
            long[] c = own.computeIfAbsent(x.territoryId(), k -> new long[2]);
            c[0]++;
            c[1] += employees.getOrDefault(x.accountId(), 0);
        });
        Map<Long, List<Territory>> children = new HashMap<>();
        live.forEach(t -> children.computeIfAbsent(t.parentId() == null ? 0L : t.parentId(), k -> new ArrayList<>())
                .add(t));
        children.values().forEach(l -> l.sort(Comparator.comparing(Territory::code)));
        List<Node> out = new ArrayList<>();
        for (Territory root : children.getOrDefault(0L, List.of())) {
            walk(root, 0, children, own, a, out);
        }
        return out;
    }

    private long[] walk(
            Territory t,
            int depth,
            Map<Long, List<Territory>> children,
            Map<Long, long[]> own,
            TerritoryAssignments.Assignments a,
            List<Node> out) {
        int at = out.size();
        out.add(null);
        long[] mine = own.getOrDefault(t.id(), new long[2]);
        long[] total = {mine[0], mine[1]};
        for (Territory c : children.getOrDefault(t.id(), List.of())) {
            long[] sub = walk(c, depth + 1, children, own, a, out);
            total[0] += sub[0];
            total[1] += sub[1];
        }
        List<TerritoryMember> members = a.members(t.id());
        out.set(
                at,
                new Node(
                        t,
                        depth,
                        members.stream()
                                .filter(m -> m.role() == MemberRole.OWNER)
                                .toList(),
                        members.stream()
                                .filter(m -> m.role() == MemberRole.OVERLAY)
                                .toList(),
                        mine[0],
                        total[0],
                        total[1]));
        return total;
    }

    /** The accounts a territory holds on a day, by external id. */
    public List<Account> accounts(Territory t, LocalDate day) {
        Map<Long, TerritoryAssignments.Assignment> mine = new HashMap<>();
        assignments.on(day, t.hierarchyId()).assigned().stream()
                .filter(x -> x.territoryId() == t.id())
                .forEach(x -> mine.put(x.accountId(), x));
        if (mine.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select id, external_id, name, country, postal_code, industry, size_band, employees from sales_account_v
                where id in (:ids) order by external_id, id""")
                .param("ids", mine.keySet())
                .query((rs, i) -> {
                    TerritoryAssignments.Assignment x = mine.get(rs.getLong(1));
                    int e = rs.getInt(8);
                    return new Account(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4) == null ? null : rs.getString(4).strip(),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.wasNull() ? null : e,
                            x.ruleId(),
                            x.precedence());
                })
                .list();
    }

    private Map<Long, Integer> employeesByAccount() {
        Map<Long, Integer> out = new HashMap<>();
        jdbc.sql("select id, coalesce(employees, 0) from sales_account_v").query(rs -> {
            out.put(rs.getLong(1), rs.getInt(2));
        });
        return out;
    }
}
