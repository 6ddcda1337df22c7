package org.attain.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.attain.ingest.profiles.Field;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionStatus;

/**
 * Upserts the mapped rows of one import by the kind's natural key: the stored rows are read once,
 * identical rows are counted unchanged, new and changed rows are written in JDBC batches. Should
 * the database refuse a batch (a constraint no mapper check foresaw), the rows are written again one
 * by one under savepoints so only the refused rows are rejected, each with the database's reason.
 */
final class RecordLoad {

    /** A mapped row with its number in the file. */
    record Row(long number, Map<String, Object> values) {
    }

    /** A row the database refused, with its reason. */
    record Refused(Row row, String reason) {
    }

    record Result(long inserted, long updated, long unchanged, List<RecordKind.Change> changes, List<Refused> refused) {
    }

    private record Existing(long id, Map<String, Object> values) {
    }

    private record Write(Row row, Existing existing) {
        boolean insert() {
            return existing == null;
        }
    }

    private final RecordKind kind;
    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final String source;
    private final Instant now;
    private final List<String> valueColumns;

    RecordLoad(RecordKind kind, JdbcClient jdbc, NamedParameterJdbcTemplate named, String source, Instant now) {
        this.kind = kind;
        this.jdbc = jdbc;
        this.named = named;
        this.source = source;
        this.now = now;
        this.valueColumns = kind.fields().stream().map(Field::column).filter(c -> !kind.key().contains(c)).toList();
    }

    /** The natural key of a row as one string, e.g. "P00038|2026-Q1|bookings". */
    String key(Map<String, Object> values) {
        return String.join("|", kind.key().stream().map(c -> Objects.toString(Stored.text(values.get(c)), "")).toList());
    }

    Result apply(List<Row> rows, TransactionStatus tx) {
        Map<String, Existing> stored = existing();
        List<Write> writes = new ArrayList<>();
        long unchanged = 0;
        for (Row row : rows) {
            Existing e = stored.get(key(row.values()));
            if (e != null && same(e.values(), row.values())) {
                unchanged++;
            } else {
                writes.add(new Write(row, e));
            }
        }
        List<Refused> refused = new ArrayList<>();
        List<RecordKind.Change> changes = new ArrayList<>();
        if (kind.effectiveDated()) {
            writes.sort(Comparator.comparing((Write w) -> Stored.text(w.row().values().get("person_id")))
                    .thenComparing(w -> Stored.text(w.row().values().get("valid_from"))));
            writes.forEach(w -> oneByOne(w, tx, changes, refused));
        } else {
            Object savepoint = tx.createSavepoint();
            try {
                batch(writes, changes);
                tx.releaseSavepoint(savepoint);
            } catch (DataAccessException e) {
                tx.rollbackToSavepoint(savepoint);
                changes.clear();
                writes.forEach(w -> oneByOne(w, tx, changes, refused));
            }
        }
        long inserted = changes.stream().filter(c -> c.before() == null).count();
        return new Result(inserted, changes.size() - inserted, unchanged, changes, refused);
    }

    private void oneByOne(Write w, TransactionStatus tx, List<RecordKind.Change> changes, List<Refused> refused) {
        Object savepoint = tx.createSavepoint();
        try {
            changes.add(write(w));
            tx.releaseSavepoint(savepoint);
        } catch (DataAccessException e) {
            tx.rollbackToSavepoint(savepoint);
            refused.add(new Refused(w.row(), "the database refused the row: " + reason(e)));
        }
    }

    private void batch(List<Write> writes, List<RecordKind.Change> changes) {
        List<Write> updates = writes.stream().filter(w -> !w.insert()).toList();
        List<Write> inserts = writes.stream().filter(Write::insert).toList();
        if (!updates.isEmpty()) {
            named.batchUpdate(updateSql(), updates.stream().map(this::params).toArray(MapSqlParameterSource[]::new));
            updates.forEach(w -> changes.add(new RecordKind.Change(w.row().number(), w.existing().id(), w.existing().values(),
                    w.row().values())));
        }
        for (int from = 0; from < inserts.size(); from += 1000) {
            List<Write> chunk = inserts.subList(from, Math.min(inserts.size(), from + 1000));
            named.batchUpdate(insertSql(), chunk.stream().map(this::params).toArray(MapSqlParameterSource[]::new));
        }
        if (!inserts.isEmpty()) {
            Map<String, Existing> now = existing();
            inserts.forEach(w -> changes.add(new RecordKind.Change(w.row().number(), now.get(key(w.row().values())).id(), null,
                    w.row().values())));
        }
    }

    private RecordKind.Change write(Write w) {
        if (!w.insert()) {
            Map<String, Object> values = new LinkedHashMap<>(w.row().values());
            if (kind.effectiveDated()) {
                values.replaceAll((c, v) -> v == null ? w.existing().values().get(c) : v);
            }
            named.update(updateSql(), params(new Write(new Row(w.row().number(), values), w.existing())));
            return new RecordKind.Change(w.row().number(), w.existing().id(), w.existing().values(), values);
        }
        Map<String, Object> values = new LinkedHashMap<>(w.row().values());
        if (kind.effectiveDated()) {
            closeOpenLine(values);
        }
        MapSqlParameterSource p = params(new Write(new Row(w.row().number(), values), null));
        Long id = named.queryForObject(insertSql() + " returning id", p, Long.class);
        return new RecordKind.Change(w.row().number(), id, null, values);
    }

    /**
     * A new line from D ends the person's line in force on D the day before (valid_until = D, exclusive);
     * without an end of its own it lasts until the person's next line, if there is one.
     */
    private void closeOpenLine(Map<String, Object> values) {
        jdbc.sql("""
                update reporting_line set valid_until = :from
                where person_id = :person and valid_from < :from and (valid_until is null or valid_until > :from)""")
                .param("from", values.get("valid_from")).param("person", values.get("person_id")).update();
        if (values.get("valid_until") == null) {
            values.put("valid_until", jdbc.sql("select min(valid_from) from reporting_line where person_id = :person and valid_from > :from")
                    .param("from", values.get("valid_from")).param("person", values.get("person_id"))
                    .query(java.time.LocalDate.class).optional().orElse(null));
        }
    }

    private Map<String, Existing> existing() {
        List<String> columns = new ArrayList<>(kind.key());
        columns.addAll(valueColumns);
        Map<String, Existing> out = new HashMap<>();
        jdbc.sql("select id, " + String.join(", ", columns) + " from " + kind.table()
                        + (kind.sourceScoped() ? " where source = :source" : ""))
                .params(kind.sourceScoped() ? Map.of("source", source) : Map.of())
                .query((ResultSet rs, int n) -> {
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (String c : columns) {
                        values.put(c, value(rs, c));
                    }
                    Existing e = new Existing(rs.getLong("id"), values);
                    out.put(key(values), e);
                    return 0;
                }).list();
        return out;
    }

    private static Object value(ResultSet rs, String column) throws SQLException {
        Object v = rs.getObject(column);
        return v instanceof java.sql.Date d ? d.toLocalDate() : v instanceof Timestamp t ? t.toInstant() : v;
    }

    private boolean same(Map<String, Object> stored, Map<String, Object> mapped) {
        for (String c : valueColumns) {
            if (kind.effectiveDated() && mapped.get(c) == null) {
                continue; // a line without an end of its own lasts until the next one, whatever that is now
            }
            if (!Objects.equals(Stored.text(stored.get(c)), Stored.text(mapped.get(c)))) {
                return false;
            }
        }
        return true;
    }

    private String insertSql() {
        List<String> columns = new ArrayList<>(kind.key());
        columns.addAll(valueColumns);
        if (kind.sourceScoped()) {
            columns.add(0, "source");
        }
        return "insert into " + kind.table() + " (" + String.join(", ", columns) + ") values ("
                + String.join(", ", columns.stream().map(c -> ":" + c).toList()) + ")";
    }

    private String updateSql() {
        List<String> sets = new ArrayList<>(valueColumns.stream().map(c -> c + " = :" + c).toList());
        if (kind.versioned()) {
            sets.add("version = version + 1");
            sets.add("updated_at = :updated_at");
        }
        return "update " + kind.table() + " set " + String.join(", ", sets) + " where id = :id";
    }

    private MapSqlParameterSource params(Write w) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        w.row().values().forEach((c, v) -> p.addValue(c, Stored.param(v)));
        p.addValue("source", source);
        p.addValue("updated_at", Timestamp.from(now));
        p.addValue("id", w.existing() == null ? null : w.existing().id());
        return p;
    }

    private static String reason(DataAccessException e) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage());
        return message.replaceAll("\\s+", " ").replaceFirst("^ERROR: ", "").strip();
    }
}
