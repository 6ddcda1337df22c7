package org.attain.ingest.records;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.attain.ingest.lookup.Lookups;
import org.attain.ingest.profiles.Field;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One kind of record an import can load besides transactions: its canonical fields, the natural key
 * rows are upserted by, checks across fields, and whose pay a change may move. The owner of the table
 * the rows are stored in writes them (its {@link org.attain.records.RecordTable}, same name, same key);
 * everything else (reading, mapping, quarantine, change lists, audit) is shared.
 *
 * @param key          database columns of the natural key (with the import's source when sourceScoped)
 * @param bulkPath     the REST path of the bulk endpoint
 */
public record RecordKind(
        String name,
        List<Field> fields,
        List<String> key,
        boolean sourceScoped,
        RowCheck check,
        PayImpact impact,
        String bulkPath) {

    /** Checks across the fields of one mapped row (end after start, no one their own manager …). */
    public interface RowCheck {
        RowCheck NONE = (values, lookups, problems) -> {};

        void check(Map<String, Object> values, Lookups lookups, Problems problems);
    }

    /** The people whose pay the changes of one import may move; empty for records pay does not read. */
    public interface PayImpact {
        PayImpact NONE = (changes, jdbc) -> Set.of();

        Set<Long> people(List<Change> changes, JdbcClient jdbc);
    }

    /** A row written by an import: its number in the file, its id, its stored values before (null when new) and after, by column. */
    public record Change(long row, long id, Map<String, Object> before, Map<String, Object> after) {}

    /** Collects the problems of one row, naming each by the file's column for the field. */
    public interface Problems {
        void add(String column, Object value, String reason, String suggestion);
    }

    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public List<String> fieldNames() {
        return fields.stream().map(Field::name).toList();
    }

    public Optional<Field> byColumn(String column) {
        return fields.stream().filter(f -> f.column().equals(column)).findFirst();
    }
}
