package org.attain.org;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What imports read of the org once per import, on the import's own connection, so each reference resolves
 * with a hash lookup (one call per row would dominate the import): the teams' ids, codes and names, and the
 * numbers of {@code org_version} that tell whether people or accounts moved since they were last read.
 * Read-only; people are read from the view {@code org_person_v}.
 */
public final class OrgKeys {

    private OrgKeys() {}

    /** A team: id, code and name. */
    @FunctionalInterface
    public interface Team {
        void accept(long id, String code, String name);
    }

    /**
     * The numbers every committed statement writing people (person, reporting_line, team, team_membership) or
     * accounts moves (triggers, migration {@code V2026.11.26.120}).
     *
     * @param ownWrite this transaction changed them itself: what it reads may still roll back
     */
    public record Versions(long people, long accounts, boolean ownWrite) {}

    /** Every team. */
    public static void teams(JdbcClient jdbc, Team each) {
        jdbc.sql("select id, code, name from team")
                .query((rs, n) -> {
                    each.accept(rs.getLong(1), rs.getString(2), rs.getString(3));
                    return 0;
                })
                .list();
    }

    /** The current numbers, one row. */
    public static Versions versions(JdbcClient jdbc) {
        return jdbc.sql("""
                select people, accounts, coalesce(written_by = pg_current_xact_id_if_assigned(), false)
                from org_version where id = 1""")
                .query((rs, n) -> new Versions(rs.getLong(1), rs.getLong(2), rs.getBoolean(3)))
                .single();
    }
}
