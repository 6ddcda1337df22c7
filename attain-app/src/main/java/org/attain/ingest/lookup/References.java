package org.attain.ingest.lookup;

import java.util.List;
import java.util.Map;
import org.attain.ingest.profiles.ImportProfile;
import org.attain.ingest.transactions.TransactionFields;
import org.attain.org.OrgKeys;
import org.attain.sales.SalesKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The people and accounts rows may refer to, read whole (people from the org tables, accounts through
 * {@link SalesKeys}) because resolving a million references one service call at a time would dominate
 * the import; this is read-only and limited to ids and the names rows use.
 *
 * <p>Kept between imports: a one-deal import over REST at 10,000 people spent most of its time reading
 * and indexing every person. What is kept is tagged with the number of {@code org_version} it was read
 * at (every statement that writes people, reporting lines, teams or accounts moves it, see migration
 * {@code V2026.11.26.120}); each import reads that row through {@link OrgKeys#versions}, one round trip, and reads the tables again only
 * when it moved. The number is read before the rows, so what is kept is never older than its number.
 */
@Component
public class References {

    private record Kept<T>(long version, T value) {}

    private volatile Kept<Directory.People> people;
    private volatile Kept<Map<String, Long>> accounts;

    /** The directory for an import with this profile, as of the last committed change of the org. */
    public Directory directory(JdbcClient jdbc, ImportProfile profile) {
        OrgKeys.Versions v = OrgKeys.versions(jdbc);
        Directory.People p;
        Kept<Directory.People> keptPeople = people;
        if (!v.ownWrite() && keptPeople != null && keptPeople.version() == v.people()) {
            p = keptPeople.value();
        } else {
            p = new Directory.People(people(jdbc));
            // This transaction's own uncommitted org changes are read but not kept: they may roll back.
            if (!v.ownWrite()) {
                people = new Kept<>(v.people(), p);
            }
        }
        Map<String, Long> a = Map.of();
        if (profile.maps(TransactionFields.ACCOUNT)) {
            Kept<Map<String, Long>> keptAccounts = accounts;
            if (!v.ownWrite() && keptAccounts != null && keptAccounts.version() == v.accounts()) {
                a = keptAccounts.value();
            } else {
                a = accounts(jdbc);
                if (!v.ownWrite()) {
                    accounts = new Kept<>(v.accounts(), a);
                }
            }
        }
        return new Directory(p, profile.match(), a);
    }

    /** Read afresh, for imports of other record kinds (they may change the people themselves). */
    static Directory load(JdbcClient jdbc, ImportProfile profile) {
        Map<String, Long> accounts = profile.maps(TransactionFields.ACCOUNT) ? accounts(jdbc) : Map.of();
        return new Directory(people(jdbc), profile.match(), accounts);
    }

    private static List<Directory.PersonRef> people(JdbcClient jdbc) {
        // Mapped by hand: the generic record mapper raises and catches a driver exception for every
        // camel-case field of every row: at 10,000 people that was 180 of the 284 ms a one-deal import took.
        return jdbc.sql("select id, external_id, email, first_name || ' ' || last_name as full_name from org_person_v")
                .query((rs, n) ->
                        new Directory.PersonRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    private static Map<String, Long> accounts(JdbcClient jdbc) {
        return SalesKeys.accountIds(jdbc);
    }
}
