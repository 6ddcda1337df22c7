package org.attain.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.attain.demo.DemoCompany;
import org.attain.demo.Person;
import org.attain.demo.ReportingLine;
import org.attain.demo.SalesTransaction;
import org.attain.platform.CopyText;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Puts a generated benchmark company into the database: master data with batched inserts and
 * explicit ids, the transactions streamed from the generator straight into COPY (no file in
 * between), then the compensation set-up: one plan per region currency with quarterly marginal
 * tiers on attainment, assignments for every rep, and a quota per rep and quarter.
 */
final class BenchData {

    /** The plan every benchmark payee is on: the exact tiers of the issue (5% to 50%, 8% to 100%, 12% above). */
    static String plan(String currency) {
        return org.attain.plan.PlanTemplates.accountExecutive(
                "bench-" + currency.toLowerCase(), "Benchmark plan (" + currency + ")", currency);
    }

    private final DataSource dataSource;

    BenchData(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    record MasterData(Map<String, Long> people, List<String> currencies) {}

    MasterData loadMasterData(DemoCompany company) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            Map<String, Long> regions = new HashMap<>();
            try (PreparedStatement st =
                    c.prepareStatement("insert into region(id, code, name, currency) values (?, ?, ?, ?)")) {
                for (var r : company.regions()) {
                    long id = regions.size() + 1L;
                    regions.put(r.code(), id);
                    st.setLong(1, id);
                    st.setString(2, r.code());
                    st.setString(3, r.name());
                    st.setString(4, r.currency());
                    st.addBatch();
                }
                st.executeBatch();
            }
            Map<String, Long> teams = new HashMap<>();
            try (PreparedStatement st =
                    c.prepareStatement("insert into team(id, code, name, region_id) values (?, ?, ?, ?)")) {
                for (var t : company.teams()) {
                    long id = teams.size() + 1L;
                    teams.put(t.code(), id);
                    st.setLong(1, id);
                    st.setString(2, t.code());
                    st.setString(3, t.name());
                    st.setObject(4, regions.get(t.regionCode()));
                    st.addBatch();
                }
                st.executeBatch();
            }
            Map<String, Long> people = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement("""
                    insert into person(id, external_id, first_name, last_name, email, title, role_type, region_id, team_id,
                                       employment_start, employment_end, currency)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (Person p : company.people()) {
                    long id = people.size() + 1L;
                    people.put(p.externalId(), id);
                    st.setLong(1, id);
                    st.setString(2, p.externalId());
                    st.setString(3, p.firstName());
                    st.setString(4, p.lastName());
                    st.setString(5, p.email());
                    st.setString(6, p.title());
                    st.setString(7, p.roleType().name());
                    st.setObject(8, regions.get(p.regionCode()));
                    st.setObject(9, teams.get(p.teamCode()));
                    st.setObject(10, p.employmentStart());
                    st.setObject(11, p.employmentEnd());
                    st.setString(12, p.currency());
                    st.addBatch();
                }
                st.executeBatch();
            }
            try (PreparedStatement st = c.prepareStatement(
                    "insert into reporting_line(person_id, manager_id, valid_from, valid_until) values (?, ?, ?, ?)")) {
                for (ReportingLine l : company.reportingLines()) {
                    st.setLong(1, people.get(l.personId()));
                    st.setLong(2, people.get(l.managerId()));
                    st.setObject(3, l.validFrom());
                    st.setObject(4, l.validUntil());
                    st.addBatch();
                }
                st.executeBatch();
            }
            for (String table : List.of("region", "team", "person")) {
                try (var st = c.createStatement()) {
                    st.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select max(id) from "
                            + table + "))");
                }
            }
            c.commit();
            List<String> currencies = company.regions().stream()
                    .map(r -> r.currency())
                    .distinct()
                    .sorted()
                    .toList();
            return new MasterData(people, currencies);
        }
    }

    /**
     * The textbook bulk load into an empty table: drop the secondary indexes, COPY, build them again
     * (one sort each instead of millions of index insertions). Constraint indexes stay.
     */
    List<String> dropSecondaryIndexes() throws SQLException {
        try (Connection c = dataSource.getConnection();
                var st = c.createStatement()) {
            List<String> definitions = new java.util.ArrayList<>();
            List<String> names = new java.util.ArrayList<>();
            try (var rs = st.executeQuery("""
                    select i.indexname, i.indexdef from pg_indexes i
                    where i.tablename = 'sales_transaction'
                      and not exists (select 1 from pg_constraint k where k.conname = i.indexname)""")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                    // A partitioned index prints as ON ONLY the parent; built again, it must reach every partition.
                    definitions.add(rs.getString(2).replaceFirst(" ON ONLY ", " ON "));
                }
            }
            for (String name : names) {
                st.execute("drop index " + name);
            }
            return definitions;
        }
    }

    void createIndexes(List<String> definitions) throws SQLException {
        try (Connection c = dataSource.getConnection();
                var st = c.createStatement()) {
            for (String definition : definitions) {
                st.execute(definition);
            }
        }
    }

    /** Streams every generated transaction into COPY; returns the number of rows. */
    long copyTransactions(DemoCompany company, Map<String, Long> people) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    COPY sales_transaction (external_id, kind, status, owner_id, close_date, amount, currency, deal_type,
                                            product_code, term_months, splits) FROM STDIN""");
            StringBuilder buffer = new StringBuilder(1 << 17);
            long[] rows = {0};
            try {
                company.forEachTransaction(t -> {
                    append(buffer, t, people);
                    rows[0]++;
                    if (buffer.length() > 1 << 16) {
                        write(copy, buffer);
                    }
                });
                write(copy, buffer);
                CopyText.end(copy);
            } finally {
                CopyText.cancel(copy);
            }
            c.commit();
            return rows[0];
        }
    }

    private static void append(StringBuilder b, SalesTransaction t, Map<String, Long> people) {
        String splits = null;
        if (!t.splits().isEmpty()) {
            StringBuilder json = new StringBuilder("[");
            for (int i = 0; i < t.splits().size(); i++) {
                var s = t.splits().get(i);
                json.append(i > 0 ? "," : "")
                        .append("{\"person_id\":")
                        .append(people.get(s.personId()))
                        .append(",\"share\":")
                        .append(s.share().toPlainString())
                        .append('}');
            }
            splits = json.append(']').toString();
        }
        CopyText.appendRow(
                b,
                t.externalId(),
                t.kind().name(),
                t.status(),
                people.get(t.ownerId()),
                t.closeDate(),
                t.amount(),
                t.currency(),
                t.dealType() == null ? null : t.dealType().code(),
                t.productCode(),
                t.termMonths(),
                splits);
    }

    private static void write(CopyIn copy, StringBuilder buffer) {
        CopyText.write(copy, buffer);
    }

    /**
     * Assignments for every rep over their employment, and a quota per rep and quarter of the run's
     * window: the rep's own average quarterly bookings, rounded to 1,000 and varied by ±20% per
     * quarter, so attainment spreads over all three tiers. No proration: the plain SQL uses the
     * quota as stored.
     */
    void compensation(LocalDate windowStart, LocalDate windowEnd) throws SQLException {
        try (Connection c = dataSource.getConnection();
                var st = c.createStatement()) {
            // The engine converts every credit into each plan currency of the run, so every pair needs a rate
            // even though each benchmark payee is paid in the currency of their own deals.
            st.execute("""
                    with usd(cur, per_unit) as (values ('USD', 1.0), ('EUR', 1.085), ('GBP', 1.27), ('AUD', 0.655)),
                    cur as (select distinct r.currency, coalesce(u.per_unit, 1.0) as per_unit from region r left join usd u on u.cur = r.currency)
                    insert into fx_rate(from_currency, to_currency, effective_from, rate)
                    select a.currency, b.currency, date '%s', round(a.per_unit / b.per_unit, 10)
                    from cur a join cur b on a.currency <> b.currency""".formatted(windowStart.minusYears(1)));
            st.execute("""
                    insert into plan_assignment(person_id, plan_key, valid_from, valid_until)
                    select id, 'bench-' || lower(currency), employment_start, employment_end + 1
                    from person where role_type = 'REP'""");
            st.execute("""
                    insert into quota(person_id, period_id, measure, amount, currency, prorate)
                    select p.id, per.id, 'bookings',
                           greatest(1000, round(coalesce(b.avg_quarter, 0) * (0.8 + ((p.id + (per.starts_on - date '2000-01-01')) %% 5) * 0.1) / 1000) * 1000),
                           p.currency, false
                    from person p
                    join period per on per.kind = 'QUARTER' and per.starts_on >= date '%1$s' and per.ends_on <= date '%2$s'
                    left join (
                        select owner_id, sum(amount) / greatest(1, count(distinct date_trunc('quarter', close_date))) as avg_quarter
                        from sales_transaction group by owner_id) b on b.owner_id = p.id
                    where p.role_type = 'REP'""".formatted(windowStart, windowEnd));
        }
    }
}
