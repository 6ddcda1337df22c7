package org.attain.records;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One owner's table as imports upsert it by natural key. Values travel by database column: text, numbers
 * ({@code BigDecimal}, {@code Integer}, {@code Long} ids), {@code Boolean}, {@code LocalDate} and {@code Instant};
 * stored rows come back the same way (dates as {@code LocalDate}, timestamps as {@code Instant}). Every write
 * runs in the caller's transaction: an import commits or rolls back as a whole.
 */
public interface RecordTable {

    /** A stored row: its id and its values by column, the key's first. */
    record Row(long id, Map<String, Object> values) {}

    /** The record kind the table stores, as profiles and bulk calls name it: "people", "quotas" …. */
    String record();

    /** The table's name, which audit entries name a changed row's kind by. */
    String table();

    /** The columns of the natural key rows are upserted by (with the import's source when {@link #sourceScoped}). */
    List<String> key();

    /** The other columns an import writes. */
    List<String> columns();

    /** Rows are kept per source system: the source is part of the key. */
    boolean sourceScoped();

    /**
     * Rows are effective-dated per person (reporting lines): they are written one by one in key order, an
     * empty value keeps what is stored, and {@link #insertOne} applies the table's rules for a new row.
     */
    default boolean effectiveDated() {
        return false;
    }

    /**
     * For effective-dated tables: the order the rows of one file are written in beyond key order, given all of them
     * (a territory after its parent named in the same file); null keeps key order.
     */
    default Comparator<Map<String, Object>> writeOrder(List<Map<String, Object>> rows) {
        return null;
    }

    /** Every stored row (of {@code source} when source-scoped), with the key and the other columns. */
    List<Row> stored(String source);

    /** Inserts new rows in JDBC batches; ids are read back with {@link #stored}. */
    void insert(List<Map<String, Object>> rows, String source);

    /** Updates stored rows by id in one JDBC batch. */
    void update(List<Row> rows, Instant at);

    /**
     * Inserts one row with its own statement (rows the database may refuse one at a time, effective-dated rows)
     * and returns its id with the values as written, which the table's rules may have completed.
     */
    Row insertOne(Map<String, Object> values, String source);

    /** Updates one stored row by id with its own statement. */
    void updateOne(Row row, Instant at);
}
