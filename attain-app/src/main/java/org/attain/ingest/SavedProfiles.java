package org.attain.ingest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attain.access.AuditLog;
import org.attain.ingest.profiles.ImportProfile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Import profiles saved by name from the import preview (the mapping picked from a file's columns, as YAML),
 * so the next file of the same kind is mapped by choosing the profile instead of picking columns again.
 * A profile is saved only when it reads as a profile; saving a name again replaces it.
 */
@Service
public class SavedProfiles {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    SavedProfiles(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record Saved(String name, String recordType, String yaml) {}

    public List<Saved> all() {
        return jdbc.sql("select name, record_type, yaml from ingest_saved_profile order by name")
                .query(Saved.class)
                .list();
    }

    public Optional<Saved> find(String name) {
        return jdbc.sql("select name, record_type, yaml from ingest_saved_profile where name = :n")
                .param("n", name)
                .query(Saved.class)
                .optional();
    }

    /** Saves (or replaces) the profile under {@code name}; a profile that does not read is refused (ProfileException). */
    public Saved save(String name, String yaml, String actor) {
        ImportProfile parsed = ImportProfile.parse(name, yaml);
        String record = parsed.record();
        jdbc.sql("""
                insert into ingest_saved_profile(name, record_type, yaml, created_by) values (:n, :r, :y, :a)
                on conflict (name) do update set record_type = excluded.record_type, yaml = excluded.yaml,
                  created_by = excluded.created_by, created_at = now()""")
                .param("n", name)
                .param("r", record)
                .param("y", yaml)
                .param("a", actor)
                .update();
        audit.record(actor, "IMPORT_PROFILE_SAVED", "import_profile", name, null, Map.of("record", record));
        return new Saved(name, record, yaml);
    }
}
