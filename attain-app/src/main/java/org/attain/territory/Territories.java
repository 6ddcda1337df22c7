package org.attain.territory;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads territories, hierarchies, rules (in precedence order) and members. */
@Service
public class Territories {

    static final String TERRITORY_SQL = """
            select t.id, t.hierarchy_id, h.code as hierarchy_code, t.code, t.name, t.level, t.parent_id, p.code as parent_code,
                   t.valid_from, t.valid_until
            from territory t join territory_hierarchy h on h.id = t.hierarchy_id
            left join territory p on p.id = t.parent_id""";

    static final String RULE_SQL = """
            select r.id, r.territory_id, r.precedence, r.countries, r.postal_from, r.postal_to, r.industries, r.size_bands,
                   r.account_ids, array(select a.external_id from sales_account_v a where a.id = any(r.account_ids) order by a.external_id)
                   as account_external_ids, r.valid_from, r.valid_until
            from territory_rule r""";

    static final String MEMBER_SQL = """
            select m.id, m.territory_id, m.person_id, coalesce(p.first_name || ' ' || p.last_name, '#' || m.person_id) as person_name,
                   p.external_id, m.role, m.valid_from, m.valid_until
            from territory_member m left join org_person_v p on p.id = m.person_id""";

    private final JdbcClient jdbc;

    Territories(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Hierarchy> hierarchies() {
        return jdbc.sql("select id, code, name from territory_hierarchy order by code")
                .query((rs, i) -> new Hierarchy(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    public Optional<Hierarchy> hierarchy(long id) {
        return hierarchies().stream().filter(h -> h.id() == id).findFirst();
    }

    public Optional<Hierarchy> hierarchyByCode(String code) {
        return hierarchies().stream().filter(h -> h.code().equals(code)).findFirst();
    }

    /** Every territory of a hierarchy (null: of all), whatever its dates, by level then code. */
    public List<Territory> all(Long hierarchyId) {
        return jdbc.sql(
                        TERRITORY_SQL + " where (cast(:h as bigint) is null or t.hierarchy_id = :h)"
                                + " order by t.hierarchy_id, array_position(array['AREA','REGION','DISTRICT','TERRITORY'], t.level), t.code")
                .param("h", hierarchyId)
                .query(Territories::territory)
                .list();
    }

    /** The territories of a hierarchy (null: of all) in force on a day. */
    public List<Territory> inForce(Long hierarchyId, LocalDate day) {
        return all(hierarchyId).stream().filter(t -> t.inForceOn(day)).toList();
    }

    public Optional<Territory> find(long id) {
        return jdbc.sql(TERRITORY_SQL + " where t.id = :id")
                .param("id", id)
                .query(Territories::territory)
                .optional();
    }

    public Optional<Territory> byCode(String code) {
        return jdbc.sql(TERRITORY_SQL + " where t.code = :c")
                .param("c", code)
                .query(Territories::territory)
                .optional();
    }

    /** A territory's rules in the order they are applied: precedence, then start. */
    public List<TerritoryRule> rules(long territoryId) {
        return jdbc.sql(RULE_SQL + " where r.territory_id = :t order by r.precedence, r.valid_from, r.id")
                .param("t", territoryId)
                .query(Territories::rule)
                .list();
    }

    /** Every rule of a hierarchy (null: all), by territory code and precedence. */
    public List<TerritoryRule> allRules(Long hierarchyId) {
        return jdbc.sql(RULE_SQL
                        + " join territory t on t.id = r.territory_id where (cast(:h as bigint) is null or t.hierarchy_id = :h)"
                        + " order by t.code, r.precedence, r.valid_from, r.id")
                .param("h", hierarchyId)
                .query(Territories::rule)
                .list();
    }

    public Optional<TerritoryRule> rule(long ruleId) {
        return jdbc.sql(RULE_SQL + " where r.id = :id")
                .param("id", ruleId)
                .query(Territories::rule)
                .optional();
    }

    public List<TerritoryMember> members(long territoryId) {
        return jdbc.sql(MEMBER_SQL + " where m.territory_id = :t order by m.role desc, m.valid_from, person_name")
                .param("t", territoryId)
                .query(Territories::member)
                .list();
    }

    /** Every membership of a hierarchy (null: all). */
    public List<TerritoryMember> allMembers(Long hierarchyId) {
        return jdbc.sql(MEMBER_SQL
                        + " join territory t on t.id = m.territory_id where (cast(:h as bigint) is null or t.hierarchy_id = :h)"
                        + " order by t.code, m.role desc, m.valid_from, m.id")
                .param("h", hierarchyId)
                .query(Territories::member)
                .list();
    }

    public Optional<TerritoryMember> member(long memberId) {
        return jdbc.sql(MEMBER_SQL + " where m.id = :id")
                .param("id", memberId)
                .query(Territories::member)
                .optional();
    }

    static Territory territory(ResultSet rs, int row) throws SQLException {
        long parent = rs.getLong("parent_id");
        return new Territory(
                rs.getLong("id"),
                rs.getLong("hierarchy_id"),
                rs.getString("hierarchy_code"),
                rs.getString("code"),
                rs.getString("name"),
                Level.valueOf(rs.getString("level")),
                rs.wasNull() ? null : parent,
                rs.getString("parent_code"),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class));
    }

    static TerritoryRule rule(ResultSet rs, int row) throws SQLException {
        return new TerritoryRule(
                rs.getLong("id"),
                rs.getLong("territory_id"),
                rs.getInt("precedence"),
                texts(rs.getArray("countries")),
                rs.getString("postal_from"),
                rs.getString("postal_to"),
                texts(rs.getArray("industries")),
                texts(rs.getArray("size_bands")),
                ids(rs.getArray("account_ids")),
                texts(rs.getArray("account_external_ids")),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class));
    }

    static TerritoryMember member(ResultSet rs, int row) throws SQLException {
        return new TerritoryMember(
                rs.getLong("id"),
                rs.getLong("territory_id"),
                rs.getLong("person_id"),
                rs.getString("person_name"),
                rs.getString("external_id"),
                MemberRole.valueOf(rs.getString("role")),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class));
    }

    static List<String> texts(Array array) throws SQLException {
        return array == null
                ? List.of()
                : Arrays.stream((Object[]) array.getArray())
                        .map(String::valueOf)
                        .toList();
    }

    static List<Long> ids(Array array) throws SQLException {
        return array == null
                ? List.of()
                : Arrays.stream((Object[]) array.getArray())
                        .map(o -> ((Number) o).longValue())
                        .toList();
    }
}
