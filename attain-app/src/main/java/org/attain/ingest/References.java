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
        // Mapped by hand: the generic record mapper raises and catches a driver exception for every
        // camel-case field of every row: at 10,000 people that was 180 of the 284 ms a one-deal import took.
        var people = jdbc.sql("select id, external_id, email, first_name || ' ' || last_name as full_name from person")
                .query((rs, n) -> new Directory.PersonRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        Map<String, Long> accounts = new HashMap<>();
        if (profile.columns().containsKey(TransactionFields.ACCOUNT)) {
            jdbc.sql("select external_id, id from account").query((rs, n) -> accounts.put(rs.getString(1), rs.getLong(2))).list();
        }
        return new Directory(people, profile.match(), accounts);
    }
}
