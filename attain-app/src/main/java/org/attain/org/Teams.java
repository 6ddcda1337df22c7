package org.attain.org;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Teams and regions. */
@Service
public class Teams {

    private final JdbcClient jdbc;

    Teams(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Team(long id, String code, String name, Long regionId, String region, int members) {}

    public record Region(long id, String code, String name, String currency) {}

    public List<Team> all() {
        return jdbc.sql("""
                select t.id, t.code, t.name, t.region_id, r.name as region,
                       (select count(*) from person p where p.team_id = t.id and p.employment_end is null) as members
                from team t left join sales_region_v r on r.id = t.region_id order by r.name, t.name""").query(Team.class).list();
    }

    /**
     * One page of {@link #all()} (by region, then name) with a search text found in the team's name or
     * code or its region's name, narrowed to a region and to teams with or without members, and the total.
     */
    public org.attain.platform.Paged<Team> page(
            String q, Long regionId, String staffed, org.attain.platform.PageRequest page) {
        String from = """
                from (select t.id, t.code, t.name, t.region_id, r.name as region,
                             (select count(*) from person p where p.team_id = t.id and p.employment_end is null) as members
                      from team t left join sales_region_v r on r.id = t.region_id) x
                where (:q = '' or x.name ilike :like or x.code ilike :like or x.region ilike :like)
                  and (cast(:region as bigint) is null or x.region_id = cast(:region as bigint))
                  and (cast(:staffed as text) is null or (cast(:staffed as text) = 'staffed' and x.members > 0)
                       or (cast(:staffed as text) = 'empty' and x.members = 0))
                """;
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("q", org.attain.platform.SearchText.of(q));
        params.put("like", org.attain.platform.SearchText.like(q));
        params.put("region", regionId);
        params.put("staffed", staffed != null && STAFFED.contains(staffed) ? staffed : null);
        long total = jdbc.sql("select count(*) " + from)
                .params(params)
                .query(Long.class)
                .single();
        page = page.within(total);
        List<Team> rows = jdbc.sql("select x.id, x.code, x.name, x.region_id, x.region, x.members " + from
                        + " order by x.region nulls last, x.name, x.id limit :limit offset :offset")
                .params(params)
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query(Team.class)
                .list();
        return org.attain.platform.Paged.of(rows, page, total);
    }

    /** Teams with people ({@code staffed}) or without ({@code empty}); anything else: both. */
    public static final List<String> STAFFED = List.of("staffed", "empty");

    /**
     * Every team's id and name, in the order of {@link #all()}, without the member counts, for the pods of
     * every calculation run. Mapped by hand: the generic record mapper raises and catches a driver exception
     * per camel-case field per row; for the teams of a 10,000-person company that was half of what a
     * single-deal recalculation allocated.
     */
    public java.util.Map<Long, String> names() {
        java.util.Map<Long, String> names = new java.util.LinkedHashMap<>();
        jdbc.sql(
                        "select t.id, t.name from team t left join sales_region_v r on r.id = t.region_id order by r.name, t.name")
                .query((rs, n) -> names.put(rs.getLong(1), rs.getString(2)))
                .list();
        return names;
    }

    /** A person's membership of a team over the half-open range [validFrom, validUntil); validUntil null: open. */
    public record Membership(
            long teamId, long personId, java.time.LocalDate validFrom, java.time.LocalDate validUntil) {}

    /** Every team membership, past and present (pod pay is decided by membership on each credit date). */
    public List<Membership> memberships() {
        return jdbc.sql(
                        "select team_id, person_id, valid_from, valid_until from team_membership order by person_id, valid_from")
                .query(Membership.class)
                .list();
    }

    public List<Region> regions() {
        return jdbc.sql("select id, code, name, currency from sales_region_v order by name")
                .query(Region.class)
                .list();
    }
}
