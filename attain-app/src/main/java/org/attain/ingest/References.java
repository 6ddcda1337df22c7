package org.attain.ingest;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Loads the people and accounts rows may refer to, once per import. Read straight from the org and
 * sales tables because resolving a million references one service call at a time would dominate
 * the import; this is read-only and limited to ids and the names rows use.
 */
final class References {

    private References() {
    }

    static Directory load(JdbcClient jdbc, ImportProfile profile) {
        var people = jdbc.sql("select id, external_id, email, first_name || ' ' || last_name as full_name from person")
                .query(Directory.PersonRef.class).list();
        Map<String, Long> accounts = new HashMap<>();
        if (profile.columns().containsKey(TransactionFields.ACCOUNT)) {
            jdbc.sql("select external_id, id from account").query((rs, n) -> accounts.put(rs.getString(1), rs.getLong(2))).list();
        }
        return new Directory(people, profile.match(), accounts);
    }
}
