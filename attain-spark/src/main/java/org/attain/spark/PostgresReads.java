package org.attain.spark;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.attain.engine.credit.CreditIndex;
import org.attain.engine.model.Transaction;

/**
 * How executors read their groups' transactions themselves, from PostgreSQL over JDBC, instead of the driver reading
 * them and sending them along: the database ({@code url} and connection {@code properties}: user, password, SSL),
 * the run's window, the application's queries ({@code byPeople}: positional parameters from, to, people, people;
 * {@code byPeopleOrAccounts}: the same and accounts; {@code everything}: from, to; each with the columns
 * {@link TransactionRows} maps) and the {@code snapshot} the
 * driver exported ({@code pg_export_snapshot()}) and holds open for the whole run. Each task reads in one
 * transaction at that snapshot ({@code SET TRANSACTION SNAPSHOT}), so every task, and every retry of one, sees
 * exactly the rows the driver's snapshot sees, whatever was written since.
 */
public record PostgresReads(
        String url,
        Map<String, String> properties,
        String snapshot,
        LocalDate from,
        LocalDate to,
        String byPeople,
        String byPeopleOrAccounts,
        String everything)
        implements Serializable {

    /** What {@code pg_export_snapshot()} answers (hex numbers and dashes): nothing else is put into the SQL. */
    private static final Pattern SNAPSHOT = Pattern.compile("[0-9A-Fa-f]+(-[0-9A-Fa-f]+)*");

    public PostgresReads {
        if (snapshot == null || !SNAPSHOT.matcher(snapshot).matches()) {
            throw new IllegalArgumentException("not an exported snapshot: " + snapshot);
        }
        properties = Map.copyOf(properties);
    }

    /** Without the connection properties: a password is never logged. */
    @Override
    public String toString() {
        return "PostgresReads[" + url + ", snapshot " + snapshot + ", " + from + ".." + to + "]";
    }

    /** A task's session: connected on its first read, at the run's snapshot; close it when the task is done. */
    public Session open() {
        return new Session();
    }

    /** One connection in one read-only transaction at the run's snapshot. */
    public final class Session implements AutoCloseable {

        private Connection connection;
        private final TransactionRows rows = new TransactionRows();
        // A territory rule's groups each need every transaction in the window: read once per task.
        private List<Transaction> everyTransaction;

        private Session() {}

        /** The transactions a group's reach names, in credit order (close date, then id). */
        public List<Transaction> read(PayeeGroup.Reach reach) {
            try {
                if (reach.people() == null) {
                    if (everyTransaction == null) {
                        everyTransaction = query(everything, null);
                    }
                    return everyTransaction;
                }
                return query(reach.accounts().isEmpty() ? byPeople : byPeopleOrAccounts, reach);
            } catch (SQLException e) {
                throw new IllegalStateException("Reading transactions on the executor failed: " + e.getMessage(), e);
            }
        }

        private List<Transaction> query(String sql, PayeeGroup.Reach reach) throws SQLException {
            Connection c = connection();
            List<Transaction> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setObject(1, from);
                st.setObject(2, to);
                if (reach != null) {
                    Long[] people = reach.people().toArray(Long[]::new);
                    st.setArray(3, c.createArrayOf("bigint", people));
                    st.setArray(4, c.createArrayOf("bigint", people));
                    if (!reach.accounts().isEmpty()) {
                        st.setArray(
                                5, c.createArrayOf("bigint", reach.accounts().toArray(Long[]::new)));
                    }
                }
                // Rows in batches: a territory rule's read of a whole window is not held twice (rows and objects).
                st.setFetchSize(10_000);
                try (var rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(rows.map(rs));
                    }
                }
            }
            // The order the store hands a run (and the engine's own): nothing depends on the database's row order.
            out.sort(CreditIndex.CREDIT_ORDER);
            return out;
        }

        private Connection connection() throws SQLException {
            if (connection == null) {
                try {
                    // Registers the driver with DriverManager whichever class loader found this class first.
                    Class.forName("org.postgresql.Driver");
                } catch (ClassNotFoundException e) {
                    throw new SQLException(
                            "PostgreSQL's JDBC driver (postgresql-*.jar) is not on the executor's classpath", e);
                }
                Properties props = new Properties();
                props.putAll(properties);
                props.putIfAbsent("ApplicationName", "attain spark executor");
                Connection c = DriverManager.getConnection(url, props);
                try {
                    c.setAutoCommit(false);
                    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                    c.setReadOnly(true);
                    try (Statement st = c.createStatement()) {
                        // The transaction's first statement: it starts at the driver's snapshot, not its own.
                        st.execute("set transaction snapshot '" + snapshot + "'");
                    }
                } catch (SQLException e) {
                    c.close();
                    throw e;
                }
                connection = c;
            }
            return connection;
        }

        @Override
        public void close() {
            if (connection != null) {
                try {
                    connection.rollback();
                    connection.close();
                } catch (SQLException e) {
                    // Read-only: nothing to keep; the session ends with the connection either way.
                }
                connection = null;
            }
        }
    }
}
