package org.attain.sales;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The keys rows of an import may refer to, read once per import on the import's own connection so each
 * reference resolves with a hash lookup (one call per row would dominate the import): ids with the
 * codes, names and external ids people write in files. Read-only.
 */
public final class SalesKeys {

    private SalesKeys() {}

    /** Something found under a key and, where it has one, a name. */
    @FunctionalInterface
    public interface Named {
        void accept(long id, String code, String name);
    }

    /** Every region: id, code and name. */
    public static void regions(JdbcClient jdbc, Named each) {
        jdbc.sql("select id, code, name from region")
                .query((rs, n) -> {
                    each.accept(rs.getLong(1), rs.getString(2), rs.getString(3));
                    return 0;
                })
                .list();
    }

    /** Every account as (external id, id), those of {@code source} last, so a caller keeping the last wins for them. */
    public static void accounts(JdbcClient jdbc, String source, BiConsumer<String, Long> each) {
        jdbc.sql("select id, external_id from account order by source = :source, id")
                .param("source", source)
                .query((rs, n) -> {
                    each.accept(rs.getString(2), rs.getLong(1));
                    return 0;
                })
                .list();
    }

    /** Account ids by external id. */
    public static Map<String, Long> accountIds(JdbcClient jdbc) {
        Map<String, Long> accounts = new HashMap<>();
        jdbc.sql("select external_id, id from account")
                .query((rs, n) -> accounts.put(rs.getString(1), rs.getLong(2)))
                .list();
        return accounts;
    }

    /** The product catalogue as (code, name), in the order the products were created. */
    public static void products(JdbcClient jdbc, BiConsumer<String, String> each) {
        jdbc.sql("select code, name from product order by id")
                .query((rs, n) -> {
                    each.accept(rs.getString(1), rs.getString(2));
                    return 0;
                })
                .list();
    }

    /** The opportunities of {@code source} as (external id, id). */
    public static void opportunities(JdbcClient jdbc, String source, BiConsumer<String, Long> each) {
        jdbc.sql("select id, external_id from opportunity where source = :source")
                .param("source", source)
                .query((rs, n) -> {
                    each.accept(rs.getString(2), rs.getLong(1));
                    return 0;
                })
                .list();
    }
}
