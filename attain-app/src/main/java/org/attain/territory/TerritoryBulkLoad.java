package org.attain.territory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo company's territories, written in the seeder's transaction after its accounts: one hierarchy by the
 * demo's regions (areas AMER, EMEA, APAC; a region per sales region; a district per country; territories by size
 * band where a country has many accounts, a strategic territory of named accounts in Germany ahead of the rest),
 * New Zealand left uncarved so that its accounts show as Unassigned. Each territory's owner is the rep who owns
 * most of its accounts; overlays of a region cover its enterprise territories. No {@link TerritoriesChanged}: the
 * seeder runs the first calculation itself.
 */
@Component
public class TerritoryBulkLoad {

    private static final Map<String, String> AREA_OF =
            Map.of("NA", "AMER", "DACH", "EMEA", "UKI", "EMEA", "ANZ", "APAC");
    private static final Map<String, String> AREA_NAME =
            Map.of("AMER", "Americas", "EMEA", "Europe, Middle East & Africa", "APAC", "Asia Pacific");
    private static final int SPLIT_FROM = 150;
    private static final String UNCARVED = "NZ";

    private final JdbcClient jdbc;
    private final TerritoryAssignments assignments;

    TerritoryBulkLoad(JdbcClient jdbc, TerritoryAssignments assignments) {
        this.jdbc = jdbc;
        this.assignments = assignments;
    }

    /** @return the number of territories (all levels) written */
    public int demo(LocalDate from) {
        long hierarchy = jdbc.sql(
                        "insert into territory_hierarchy(code, name) values ('SALES', 'Sales territories') returning id")
                .query(Long.class)
                .single();
        record Region(long id, String code, String name) {}
        List<Region> regions = jdbc.sql("select id, code, name from sales_region_v order by id")
                .query((rs, i) -> new Region(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
        Map<String, Long> areas = new LinkedHashMap<>();
        int written = 0;
        for (Region region : regions) {
            String areaCode = AREA_OF.getOrDefault(region.code(), "OTHER");
            Long area = areas.get(areaCode);
            if (area == null) {
                area = territory(
                        hierarchy, areaCode, AREA_NAME.getOrDefault(areaCode, "Other"), Level.AREA, null, from);
                areas.put(areaCode, area);
                written++;
            }
            long r = territory(hierarchy, region.code(), region.name(), Level.REGION, area, from);
            written++;
            Map<String, Integer> countries = new LinkedHashMap<>();
            jdbc.sql("""
                    select trim(country), count(*) from sales_account_v where region_id = :r and country is not null
                    group by 1 order by count(*) desc, 1""").param("r", region.id()).query(rs -> {
                countries.put(rs.getString(1), rs.getInt(2));
            });
            for (var country : countries.entrySet()) {
                String cc = country.getKey();
                String name = new Locale("", cc).getDisplayCountry(Locale.ENGLISH);
                long district = territory(hierarchy, region.code() + "-" + cc, name, Level.DISTRICT, r, from);
                written++;
                if (cc.equals(UNCARVED)) {
                    continue;
                }
                if (country.getValue() < SPLIT_FROM) {
                    long t = territory(hierarchy, cc + "-ALL", name, Level.TERRITORY, district, from);
                    rule(t, 100, "{" + cc + "}", null, null, from);
                    written++;
                    continue;
                }
                long enterprise =
                        territory(hierarchy, cc + "-ENT", name + " Enterprise", Level.TERRITORY, district, from);
                rule(enterprise, 100, "{" + cc + "}", "{ENTERPRISE}", null, from);
                long commercial =
                        territory(hierarchy, cc + "-COM", name + " Commercial", Level.TERRITORY, district, from);
                rule(commercial, 100, "{" + cc + "}", "{MID,SMB}", null, from);
                written += 2;
                if (cc.equals("DE")) {
                    List<Long> top = jdbc.sql("""
                            select id from sales_account_v where country = 'DE'
                            order by employees desc nulls last, external_id limit 6""").query(Long.class).list();
                    long strategic = territory(
                            hierarchy, "DE-STRAT", "Germany Strategic Accounts", Level.TERRITORY, district, from);
                    rule(
                            strategic,
                            10,
                            null,
                            null,
                            "{"
                                    + String.join(
                                            ",",
                                            top.stream().map(String::valueOf).toList()) + "}",
                            from);
                    written++;
                }
            }
        }
        owners(hierarchy, from);
        return written;
    }

    private long territory(long hierarchy, String code, String name, Level level, Long parent, LocalDate from) {
        return jdbc.sql("""
                insert into territory(hierarchy_id, code, name, level, parent_id, valid_from) values (:h, :c, :n, :l, :p, :f)
                returning id""")
                .param("h", hierarchy)
                .param("c", code)
                .param("n", name)
                .param("l", level.name())
                .param("p", parent)
                .param("f", from)
                .query(Long.class)
                .single();
    }

    private void rule(
            long territory, int precedence, String countries, String sizeBands, String accounts, LocalDate from) {
        jdbc.sql("""
                insert into territory_rule(territory_id, precedence, countries, size_bands, account_ids, valid_from)
                values (:t, :p, cast(:c as text[]), cast(:s as text[]), cast(:a as bigint[]), :f)""")
                .param("t", territory)
                .param("p", precedence)
                .param("c", countries)
                .param("s", sizeBands)
                .param("a", accounts)
                .param("f", from)
                .update();
    }

    /** The rep owning most of a territory's accounts owns it; a region's overlays cover its enterprise territories. */
    private void owners(long hierarchy, LocalDate from) {
        Map<Long, Long> accountOwner = new HashMap<>();
        jdbc.sql("select id, owner_id from sales_account_v where owner_id is not null")
                .query(rs -> {
                    accountOwner.put(rs.getLong(1), rs.getLong(2));
                });
        Map<Long, Map<Long, Integer>> counts = new HashMap<>();
        for (TerritoryAssignments.Assignment a : assignments.on(from, hierarchy).assigned()) {
            Long owner = accountOwner.get(a.accountId());
            if (owner != null) {
                counts.computeIfAbsent(a.territoryId(), k -> new HashMap<>()).merge(owner, 1, Integer::sum);
            }
        }
        counts.forEach((territory, byOwner) -> {
            long owner = byOwner.entrySet().stream()
                    .sorted(Map.Entry.<Long, Integer>comparingByValue()
                            .reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .findFirst()
                    .orElseThrow()
                    .getKey();
            member(territory, owner, MemberRole.OWNER, from);
        });
        record Enterprise(long territory, String region) {}
        List<Enterprise> enterprise = jdbc.sql("""
                select t.id, r.code from territory t join territory d on d.id = t.parent_id join territory r on r.id = d.parent_id
                where t.hierarchy_id = :h and (t.code like '%-ENT' or t.code = 'DE-STRAT') order by t.code""")
                .param("h", hierarchy)
                .query((rs, i) -> new Enterprise(rs.getLong(1), rs.getString(2)))
                .list();
        Map<String, List<Long>> overlays = new HashMap<>();
        jdbc.sql("""
                select p.id, r.code from org_person_v p join sales_region_v r on r.id = p.region_id
                where p.role_type = 'OVERLAY' and p.employment_end is null order by p.id""").query(rs -> {
            overlays.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getLong(1));
        });
        Map<String, Integer> next = new HashMap<>();
        for (Enterprise e : enterprise) {
            List<Long> candidates = overlays.getOrDefault(e.region(), List.of());
            if (!candidates.isEmpty()) {
                int i = next.merge(e.region(), 1, Integer::sum) - 1;
                member(e.territory(), candidates.get(i % candidates.size()), MemberRole.OVERLAY, from);
            }
        }
    }

    private void member(long territory, long person, MemberRole role, LocalDate from) {
        jdbc.sql("""
                insert into territory_member(territory_id, person_id, role, valid_from, valid_until)
                select :t, :p, :r, greatest(:f, p.employment_start), p.employment_end from org_person_v p
                where p.id = :p and (p.employment_end is null or p.employment_end > greatest(:f, p.employment_start))""")
                .param("t", territory)
                .param("p", person)
                .param("r", role.name())
                .param("f", from)
                .update();
    }
}
