package org.attain.ingest.records;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.attain.ingest.Stored;
import org.attain.ingest.profiles.Field;
import org.attain.records.RecordTable;
import org.attain.records.RowRefused;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionStatus;

/**
 * Upserts the mapped rows of one import by the kind's natural key through the table's owner
 * ({@link RecordTable}): the stored rows are read once, identical rows are counted unchanged, new and
 * changed rows are written in JDBC batches. Should the database refuse a batch (a constraint no mapper
 * check foresaw), the rows are written again one by one under savepoints so only the refused rows are
 * rejected, each with the database's reason. Effective-dated rows (reporting lines) are always written one
 * by one in key order, and an empty value of theirs keeps what is stored. A field the file does not carry at all
 * (its profile maps no column to it) keeps what is stored, so an export of some columns never wipes the others.
 */
public final class RecordLoad {

    /** A mapped row with its number in the file. */
    public record Row(long number, Map<String, Object> values) {}

    /** A row the database or the owner's checks refused, with its reason and the field at fault (null: the row). */
    record Refused(Row row, String reason, String field) {}

    record Result(
            long inserted, long updated, long unchanged, List<RecordKind.Change> changes, List<Refused> refused) {}

    private record Write(Row row, RecordTable.Row existing) {
        boolean insert() {
            return existing == null;
        }
    }

    private final RecordKind kind;
    private final RecordTable table;
    private final String source;
    private final Instant now;
    private final List<String> valueColumns;

    RecordLoad(RecordKind kind, RecordTable table, String source, Instant now) {
        this.kind = kind;
        this.table = table;
        this.source = source;
        this.now = now;
        this.valueColumns = kind.fields().stream()
                .map(Field::column)
                .filter(c -> !kind.key().contains(c))
                .toList();
    }

    /** The natural key of a row as one string, e.g. "P00038|2026-Q1|bookings". */
    String key(Map<String, Object> values) {
        return String.join(
                "|",
                kind.key().stream()
                        .map(c -> Objects.toString(Stored.text(values.get(c)), ""))
                        .toList());
    }

    Result apply(List<Row> rows, TransactionStatus tx) {
        Map<String, RecordTable.Row> stored = existing();
        List<Write> writes = new ArrayList<>();
        long unchanged = 0;
        for (Row given : rows) {
            RecordTable.Row e = stored.get(key(given.values()));
            Row row = complete(given, e);
            if (e != null && same(e.values(), row.values())) {
                unchanged++;
            } else {
                writes.add(new Write(row, e));
            }
        }
        List<Refused> refused = new ArrayList<>();
        List<RecordKind.Change> changes = new ArrayList<>();
        if (table.effectiveDated()) {
            Comparator<Write> byKey = Comparator.comparing(
                    (Write w) -> Stored.text(w.row().values().get(kind.key().get(0))));
            for (String c : kind.key().subList(1, kind.key().size())) {
                byKey = byKey.thenComparing(w -> Stored.text(w.row().values().get(c)));
            }
            writes.sort(byKey);
            Comparator<Map<String, Object>> order =
                    table.writeOrder(writes.stream().map(w -> w.row().values()).toList());
            if (order != null) {
                writes.sort(Comparator.comparing(w -> w.row().values(), order)); // stable: key order within
            }
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
        } catch (RowRefused e) {
            tx.rollbackToSavepoint(savepoint);
            refused.add(new Refused(w.row(), e.getMessage(), e.field()));
        } catch (DataAccessException e) {
            tx.rollbackToSavepoint(savepoint);
            refused.add(new Refused(w.row(), "the database refused the row: " + reason(e), null));
        }
    }

    private void batch(List<Write> writes, List<RecordKind.Change> changes) {
        List<Write> updates = writes.stream().filter(w -> !w.insert()).toList();
        List<Write> inserts = writes.stream().filter(Write::insert).toList();
        if (!updates.isEmpty()) {
            table.update(
                    updates.stream()
                            .map(w -> new RecordTable.Row(
                                    w.existing().id(), w.row().values()))
                            .toList(),
                    now);
            updates.forEach(w -> changes.add(new RecordKind.Change(
                    w.row().number(),
                    w.existing().id(),
                    w.existing().values(),
                    w.row().values())));
        }
        if (!inserts.isEmpty()) {
            table.insert(inserts.stream().map(w -> w.row().values()).toList(), source);
            Map<String, RecordTable.Row> now = existing();
            inserts.forEach(w -> changes.add(new RecordKind.Change(
                    w.row().number(),
                    now.get(key(w.row().values())).id(),
                    null,
                    w.row().values())));
        }
    }

    private RecordKind.Change write(Write w) {
        Map<String, Object> values = new LinkedHashMap<>(w.row().values());
        if (!w.insert()) {
            if (table.effectiveDated()) {
                values.replaceAll((c, v) -> v == null ? w.existing().values().get(c) : v);
            }
            table.updateOne(new RecordTable.Row(w.existing().id(), values), now);
            return new RecordKind.Change(
                    w.row().number(), w.existing().id(), w.existing().values(), values);
        }
        RecordTable.Row written = table.insertOne(values, source);
        return new RecordKind.Change(w.row().number(), written.id(), null, written.values());
    }

    /** The row with the fields its file does not carry taken from the stored row (null for a new one). */
    private Row complete(Row row, RecordTable.Row existing) {
        if (row.values().keySet().containsAll(valueColumns)) {
            return row;
        }
        Map<String, Object> values = new LinkedHashMap<>(row.values());
        for (String c : valueColumns) {
            if (!values.containsKey(c)) {
                values.put(c, existing == null ? null : existing.values().get(c));
            }
        }
        return new Row(row.number(), values);
    }

    private Map<String, RecordTable.Row> existing() {
        Map<String, RecordTable.Row> out = new HashMap<>();
        for (RecordTable.Row row : table.stored(source)) {
            out.put(key(row.values()), row);
        }
        return out;
    }

    private boolean same(Map<String, Object> stored, Map<String, Object> mapped) {
        for (String c : valueColumns) {
            if (table.effectiveDated() && mapped.get(c) == null) {
                continue; // a line without an end of its own lasts until the next one, whatever that is now
            }
            if (!Objects.equals(Stored.text(stored.get(c)), Stored.text(mapped.get(c)))) {
                return false;
            }
        }
        return true;
    }

    private static String reason(DataAccessException e) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage());
        return message.replaceAll("\\s+", " ").replaceFirst("^ERROR: ", "").strip();
    }
}
