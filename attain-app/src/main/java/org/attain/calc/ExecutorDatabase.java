package org.attain.calc;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.attain.engine.time.DateRange;
import org.attain.sales.BookedTransactions;
import org.attain.spark.PostgresReads;

/**
 * Where Spark executors that read their own transactions ({@code calc run --engine spark --read executors}) connect,
 * and at which snapshot. The database is the application's: the pool's JDBC URL, user, password and driver
 * properties ({@code spring.datasource.*}), or, for the embedded database, the URL and user its connections report.
 * Executors on other machines may need another address than the application's (the embedded database listens on
 * this machine only): {@code -Dattain.spark.jdbc.url=…}, {@code -Dattain.spark.jdbc.user=…} and
 * {@code -Dattain.spark.jdbc.password=…} override them.
 * <p>
 * The snapshot is one {@code pg_export_snapshot()} of a REPEATABLE READ transaction this process holds open on one of
 * the pool's connections until every task is done: each executor's read starts at it ({@code SET TRANSACTION
 * SNAPSHOT}), so every task and every retry of one sees the same rows, and the rows a read here would see. (A
 * connection pooler in transaction mode between the executors and PostgreSQL, such as PgBouncer, would break that;
 * the application's own pool does not, since the holding connection stays out of it for the run.)
 */
final class ExecutorDatabase {

    static final String URL = "attain.spark.jdbc.url";
    static final String USER = "attain.spark.jdbc.user";
    static final String PASSWORD = "attain.spark.jdbc.password";

    private ExecutorDatabase() {}

    /**
     * Executors' reads over {@code window} at {@code snapshot}, exported by {@code holder} (a connection of
     * {@code dataSource}, whose settings the executors take).
     */
    static PostgresReads reads(DataSource dataSource, Connection holder, String snapshot, DateRange window)
            throws SQLException {
        String url = null;
        Map<String, String> properties = new HashMap<>();
        HikariDataSource hikari =
                dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        if (hikari != null && hikari.getJdbcUrl() != null) {
            url = hikari.getJdbcUrl();
            hikari.getDataSourceProperties().forEach((k, v) -> properties.put(k.toString(), v.toString()));
            putIfPresent(properties, "user", hikari.getUsername());
            putIfPresent(properties, "password", hikari.getPassword());
        } else {
            // The embedded database (a data source of its own behind the pool): the URL and user it connects with.
            DatabaseMetaData db = holder.getMetaData();
            url = db.getURL();
            putIfPresent(properties, "user", db.getUserName());
        }
        url = System.getProperty(URL, url);
        putIfPresent(properties, "user", System.getProperty(USER));
        putIfPresent(properties, "password", System.getProperty(PASSWORD));
        BookedTransactions.Query query = BookedTransactions.query();
        return new PostgresReads(
                url,
                properties,
                snapshot,
                window.first(),
                window.last(),
                query.byPeople(),
                query.byPeopleOrAccounts(),
                query.everything());
    }

    private static void putIfPresent(Map<String, String> properties, String key, String value) {
        if (value != null) {
            properties.put(key, value);
        }
    }
}
