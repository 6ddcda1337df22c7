package org.attain.records;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A {@link RecordTable} run from its owner's SQL text: a select of {@code id} and the key and other columns
 * (filtered by {@code :source} where rows are kept per source), an insert and an update by {@code :id} with
 * named parameters by column ({@code :source} and {@code :updated_at} are there too). Inserts go in batches of
 * 1,000 rows, updates in one batch. An owner with rules of its own overrides {@link #insertOne}.
 */
public class SqlRecordTable implements RecordTable {

    private static final int INSERT_BATCH = 1000;

    /** What the table stores and by which key, see {@link RecordTable}. */
    public record Shape(String record, String table, List<String> key, List<String> columns, boolean sourceScoped) {}

    /** The owner's statements: select (id first), insert (no returning clause) and update by id. */
    public record Statements(String select, String insert, String update) {}

    private final Shape shape;
    private final Statements sql;
    private final NamedParameterJdbcTemplate named;

    public SqlRecordTable(DataSource dataSource, Shape shape, Statements sql) {
        this.shape = shape;
        this.sql = sql;
        this.named = new NamedParameterJdbcTemplate(dataSource);
    }

    @Override
    public String record() {
        return shape.record();
    }

    @Override
    public String table() {
        return shape.table();
    }

    @Override
    public List<String> key() {
        return shape.key();
    }

    @Override
    public List<String> columns() {
        return shape.columns();
    }

    @Override
    public boolean sourceScoped() {
        return shape.sourceScoped();
    }

    @Override
    public List<Row> stored(String source) {
        List<Row> rows = new ArrayList<>();
        named.query(sql.select(), shape.sourceScoped() ? Map.of("source", source) : Map.of(), (RowCallbackHandler)
                rs -> {
                    ResultSetMetaData meta = rs.getMetaData();
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (int i = 2; i <= meta.getColumnCount(); i++) {
                        values.put(meta.getColumnLabel(i), value(rs, i));
                    }
                    rows.add(new Row(rs.getLong(1), values));
                });
        return rows;
    }

    @Override
    public void insert(List<Map<String, Object>> rows, String source) {
        for (int from = 0; from < rows.size(); from += INSERT_BATCH) {
            List<Map<String, Object>> chunk = rows.subList(from, Math.min(rows.size(), from + INSERT_BATCH));
            named.batchUpdate(
                    sql.insert(),
                    chunk.stream().map(v -> params(v, source, null, null)).toArray(MapSqlParameterSource[]::new));
        }
    }

    @Override
    public void update(List<Row> rows, Instant at) {
        if (!rows.isEmpty()) {
            named.batchUpdate(
                    sql.update(),
                    rows.stream().map(r -> params(r.values(), null, at, r.id())).toArray(MapSqlParameterSource[]::new));
        }
    }

    @Override
    public Row insertOne(Map<String, Object> values, String source) {
        Long id = named.queryForObject(sql.insert() + " returning id", params(values, source, null, null), Long.class);
        return new Row(id, values);
    }

    @Override
    public void updateOne(Row row, Instant at) {
        named.update(sql.update(), params(row.values(), null, at, row.id()));
    }

    /** The values by column as JDBC takes them, with the source, the time of the change and the id. */
    protected static MapSqlParameterSource params(Map<String, Object> values, String source, Instant at, Long id) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        values.forEach((c, v) -> p.addValue(c, v instanceof Instant i ? Timestamp.from(i) : v));
        p.addValue("source", source);
        p.addValue("updated_at", at == null ? null : Timestamp.from(at));
        p.addValue("id", id);
        return p;
    }

    private static Object value(ResultSet rs, int column) throws SQLException {
        Object v = rs.getObject(column);
        return v instanceof java.sql.Date d ? d.toLocalDate() : v instanceof Timestamp t ? t.toInstant() : v;
    }
}
