package org.attain.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells whether the Attain instance that wrote a row still lives, so start-up recovery can close
 * what a dead instance left open without touching work another live instance (several instances
 * may share one external database) is still doing.
 *
 * <p>Each instance picks a random key at start. Every connection of its pool carries the key in the
 * session setting {@code attain.instance} (columns such as {@code calc_run.instance_key} default to
 * it, so writers need not pass it), and the instance holds a shared advisory lock (class 7362, key)
 * on a connection of its own for as long as it lives. PostgreSQL drops the lock when that session
 * ends, i.e. when the process dies, however it dies. {@link #gone} asks for the lock exclusively:
 * granted means no live instance has that key. Chosen over heartbeats (no clock, no timeout to
 * guess) and over the backend pid of a run's session (a run uses many connections over its life).
 * If the lease session drops while the instance lives (database restarted, network), the keeper
 * takes the lock again within seconds; an instance starting inside that gap could close the live
 * instance's runs, which a database restart has usually broken anyway.
 */
@Component
public class InstanceLease implements BeanPostProcessor, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(InstanceLease.class);
    static final int LOCK_CLASS = 7362;

    private final int key = new SecureRandom().nextInt();
    private final ScheduledExecutorService keeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "attain-instance-lease");
        t.setDaemon(true);
        return t;
    });
    private volatile HikariDataSource pool;
    private volatile Connection held;
    private int failedTries;

    /** This instance's key, as its connections write it. */
    public int key() {
        return key;
    }

    /**
     * Whether no live instance holds this key. Inside a transaction the answer holds until it ends:
     * the check keeps the key locked, so an instance cannot appear with it meanwhile.
     */
    public static boolean gone(JdbcClient jdbc, int instanceKey) {
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(:c, :k)")
                .param("c", LOCK_CLASS)
                .param("k", instanceKey)
                .query(Boolean.class)
                .single());
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari && pool == null) {
            tag(hikari);
            pool = hikari;
            hold();
            keeper.scheduleWithFixedDelay(this::keep, 5, 5, TimeUnit.SECONDS);
        }
        return bean;
    }

    private void tag(HikariDataSource hikari) {
        String setKey = "select set_config('attain.instance', '" + key + "', false)";
        String existing = hikari.getConnectionInitSql();
        try {
            hikari.setConnectionInitSql(existing == null || existing.isBlank() ? setKey : existing + "; " + setKey);
        } catch (IllegalStateException e) {
            log.warn("The connection pool started before Attain could tag its connections; runs will not record "
                    + "their instance, and start-up recovery will leave RUNNING runs on an external database alone");
        }
    }

    private void keep() {
        if (pool.isClosed()) {
            return;
        }
        try {
            Connection c = held;
            if (c != null && c.isValid(5)) {
                return;
            }
            if (c != null) {
                log.info(
                        "The instance lease's database session ended; taking the lease again once the database answers");
                closeQuietly(c);
                held = null;
            }
            hold();
        } catch (SQLException | RuntimeException e) {
            log.debug("Instance lease check failed: {}", e.getMessage());
        }
    }

    /** Opens its own session (not one of the pool's, which stays whole) and takes the shared lock there. */
    private synchronized void hold() {
        if (held != null) {
            return;
        }
        try {
            Connection c = open(pool, "attain instance lease");
            try (PreparedStatement st = c.prepareStatement("select pg_advisory_lock_shared(?, ?)")) {
                st.setInt(1, LOCK_CLASS);
                st.setInt(2, key);
                st.execute();
            } catch (SQLException e) {
                closeQuietly(c);
                throw e;
            }
            held = c;
            if (failedTries > 0) {
                log.info("Instance lease taken again after {} tries", failedTries + 1);
            }
            failedTries = 0;
        } catch (SQLException e) {
            // The keeper tries again every 5 s; until then this instance's runs may look abandoned to another one
            // starting.
            if (failedTries++ == 0) {
                log.warn("Could not take the instance lease yet: {}", e.getMessage());
            }
        }
    }

    /** A session of its own with the pool's settings, outside the pool (which stays whole). */
    static Connection open(HikariDataSource hikari, String applicationName) throws SQLException {
        if (hikari.getDataSource() != null) {
            return hikari.getDataSource().getConnection();
        }
        Properties props = new Properties();
        props.putAll(hikari.getDataSourceProperties());
        if (hikari.getUsername() != null) {
            props.setProperty("user", hikari.getUsername());
        }
        if (hikari.getPassword() != null) {
            props.setProperty("password", hikari.getPassword());
        }
        props.setProperty("ApplicationName", applicationName);
        return DriverManager.getConnection(hikari.getJdbcUrl(), props);
    }

    @Override
    public void destroy() {
        keeper.shutdownNow();
        closeQuietly(held);
        held = null;
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // the session is gone either way, and with it the lock
            }
        }
    }
}
