package org.attain.territory;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every account of a hierarchy with the territory its rules put it in on a day (none: Unassigned), with the account's
 * own fields as the accounts import reads them (owner by employee id, region by code), so the list loads back through
 * an accounts profile unchanged. The territory is the rules' answer, not an account field: it changes by rules only.
 */
@Component
public class AccountTerritories {

    /** One account and its territory on the day (code and name null: Unassigned). */
    public record Row(
            String source,
            String externalId,
            String name,
            String industry,
            String country,
            String postalCode,
            String sizeBand,
            Integer employees,
            String region,
            String owner,
            String territoryCode,
            String territoryName) {}

    private final JdbcClient jdbc;
    private final Territories territories;
    private final TerritoryAssignments assignments;

    AccountTerritories(JdbcClient jdbc, Territories territories, TerritoryAssignments assignments) {
        this.jdbc = jdbc;
        this.territories = territories;
        this.assignments = assignments;
    }

    /** The accounts (of one source when given) by source and external id, with their territory of the hierarchy. */
    public List<Row> on(LocalDate day, long hierarchyId, String source) {
        Map<Long, Territory> byId = new HashMap<>();
        territories.all(hierarchyId).forEach(t -> byId.put(t.id(), t));
        Map<Long, Territory> territoryOf = new HashMap<>();
        assignments
                .on(day, hierarchyId)
                .assigned()
                .forEach(a -> territoryOf.put(a.accountId(), byId.get(a.territoryId())));
        return jdbc.sql("""
                        select a.id, a.source, a.external_id, a.name, a.industry, a.country, a.postal_code, a.size_band, a.employees,
                               r.code, p.external_id
                        from sales_account_v a left join sales_region_v r on r.id = a.region_id
                                               left join org_person_v p on p.id = a.owner_id
                        where cast(:source as text) is null or a.source = :source
                        order by a.source, a.external_id""")
                .param("source", source)
                .query((rs, i) -> {
                    Territory t = territoryOf.get(rs.getLong(1));
                    return new Row(
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            (Integer) rs.getObject(9),
                            rs.getString(10),
                            rs.getString(11),
                            t == null ? null : t.code(),
                            t == null ? null : t.name());
                })
                .list();
    }
}
