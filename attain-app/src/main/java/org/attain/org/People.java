package org.attain.org;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read side of the org: people with their manager and team on a given day, limited to a scope. */
@Service
public class People {

    private final JdbcClient jdbc;

    People(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Page<T>(List<T> items, int page, int size, long total) {}

    public record Filter(RoleType role, Long teamId, String text) {
        public static Filter none() {
            return new Filter(null, null, null);
        }
    }

    public Optional<PersonView> find(long personId, LocalDate day) {
        return jdbc.sql(SELECT + " where p.id = :id")
                .param("day", day)
                .param("id", personId)
                .query(People::personView)
                .optional();
    }

    public Optional<Long> idByExternalId(String externalId) {
        return jdbc.sql("select id from person where external_id = :x")
                .param("x", externalId)
                .query(Long.class)
                .optional();
    }

    /**
     * Person ids by employee id or e-mail, compared without case: each found person appears under both
     * keys, lower-cased. Blank references are ignored; one statement for the whole set.
     */
    public Map<String, Long> idsByKey(Collection<String> references) {
        Map<String, Long> found = new HashMap<>();
        String[] keys = references.stream()
                .filter(r -> r != null && !r.isBlank())
                .map(r -> r.trim().toLowerCase(Locale.ROOT))
                .distinct()
                .toArray(String[]::new);
        if (keys.length == 0) {
            return found;
        }
        jdbc.sql(
                        "select id, lower(external_id), lower(email) from person where lower(external_id) = any(:k) or lower(email) = any(:k)")
                .param("k", keys)
                .query(rs -> {
                    found.put(rs.getString(2), rs.getLong(1));
                    found.put(rs.getString(3), rs.getLong(1));
                });
        return found;
    }

    public Page<PersonView> list(PersonScope scope, Filter filter, LocalDate day, int page, int size) {
        String where = """
                 where (cast(:ids as bigint[]) is null or p.id = any(cast(:ids as bigint[])))
                   and (cast(:role as text) is null or p.role_type = cast(:role as text))
                   and (cast(:team as bigint) is null or p.team_id = cast(:team as bigint))
                   and (cast(:text as text) is null or (p.first_name || ' ' || p.last_name || ' ' || p.email || ' ' || p.title)
                        ilike '%' || cast(:text as text) || '%')
                """;
        String text = filter.text() == null || filter.text().isBlank()
                ? null
                : filter.text().trim();
        String role = filter.role() == null ? null : filter.role().name();
        long total = jdbc.sql("select count(*) from person p" + where)
                .param("ids", scope.idsOrNull())
                .param("role", role)
                .param("team", filter.teamId())
                .param("text", text)
                .query(Long.class)
                .single();
        List<PersonView> items = jdbc.sql(
                        SELECT + where + " order by p.last_name, p.first_name, p.id limit :limit offset :offset")
                .param("day", day)
                .param("ids", scope.idsOrNull())
                .param("role", role)
                .param("team", filter.teamId())
                .param("text", text)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(People::personView)
                .list();
        return new Page<>(items, page, size, total);
    }

    /** Direct reports of a manager on a day. */
    public List<PersonView> directReports(long managerId, LocalDate day) {
        return jdbc.sql(SELECT + " where rl.manager_id = :manager order by p.last_name, p.first_name")
                .param("day", day)
                .param("manager", managerId)
                .query(People::personView)
                .list();
    }

    /** A person and their direct reports on a day, as {@link #find} and {@link #directReports} give them. */
    public record WithReports(Optional<PersonView> person, List<PersonView> reports) {}

    /** {@link #find} and {@link #directReports} in one round trip: every home page asks for both. */
    public WithReports findWithReports(long personId, LocalDate day) {
        java.util.concurrent.atomic.AtomicReference<PersonView> person =
                new java.util.concurrent.atomic.AtomicReference<>();
        List<PersonView> reports = new java.util.ArrayList<>();
        jdbc.sql("select s.*, 0 as part from (" + SELECT + " where p.id = :id) s union all select s.*, 1 from ("
                        + SELECT + " where rl.manager_id = :id) s order by 17, 4, 3")
                .param("day", day)
                .param("id", personId)
                .query(rs -> {
                    PersonView row = personView(rs, 0);
                    if (rs.getInt(17) == 0) {
                        person.set(row);
                    } else {
                        reports.add(row);
                    }
                });
        return new WithReports(Optional.ofNullable(person.get()), List.copyOf(reports));
    }

    // Mapped by hand, in SELECT's column order: the generic record mapper tries each camel-case name
    // as a column label first and pays for a driver exception per field and row (ten per person here).
    static PersonView personView(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new PersonView(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                RoleType.valueOf(rs.getString(7)),
                rs.getObject(8, Long.class),
                rs.getString(9),
                rs.getObject(10, Long.class),
                rs.getString(11),
                rs.getObject(12, java.time.LocalDate.class),
                rs.getObject(13, java.time.LocalDate.class),
                rs.getString(14),
                rs.getObject(15, Long.class),
                rs.getString(16));
    }

    static final String SELECT = """
            select p.id, p.external_id, p.first_name, p.last_name, p.email, p.title, p.role_type,
                   p.region_id, r.name as region, p.team_id, t.name as team,
                   p.employment_start, p.employment_end, p.currency,
                   rl.manager_id, m.first_name || ' ' || m.last_name as manager_name
            from person p
            left join sales_region_v r on r.id = p.region_id
            left join team t on t.id = p.team_id
            left join reporting_line rl on rl.person_id = p.id and rl.valid_from <= :day
                 and (rl.valid_until is null or rl.valid_until > :day)
            left join person m on m.id = rl.manager_id
            """;
}
