package org.attain.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the other Attain nodes serving the same database that something happened here, so that what each node does
 * for its own users (pushing a board's change to the screens open on it) follows changes made through any node.
 * PostgreSQL's LISTEN/NOTIFY on one channel ({@value #CHANNEL}): {@link #send} notifies at once on a connection of
 * its own, so call it once the change has committed; every node listens on one session of its own (outside the pool)
 * and hands each notice to the handlers of its topic on that session's thread. A node skips its own notices: what it
 * sends, it has already done for its own users in the JVM, and it must not do it twice.
 *
 * <p>A notice says what changed, never who may see what: the receiving node decides that for its own users, as for a
 * change made on it. Notices sent while a node's listening session is down (database restarted) are lost to that node;
 * it listens again within seconds.
 */
@Component
public class Broadcasts implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Broadcasts.class);

    /** The one channel every node listens on. */
    static final String CHANNEL = "attain_broadcast";

    /** PostgreSQL refuses a notice of 8,000 bytes or more; topics' bodies stay far below. */
    static final int MAX_BODY = 7000;

    private final DataSource dataSource;
    private final boolean headless;
    private final int node;
    private final Map<String, List<Consumer<String>>> handlers = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private volatile Connection listening;
    private Thread listener;

    Broadcasts(DataSource dataSource, InstanceLease lease, @Value("${attain.headless:false}") boolean headless) {
        this.dataSource = dataSource;
        this.headless = headless;
        this.node = lease.key();
    }

    /**
     * Calls {@code handler} with the body of every notice of {@code topic} another node sends (not this node's own),
     * on the listening thread: hand longer work to a thread of your own.
     */
    public void listen(String topic, Consumer<String> handler) {
        handlers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(handler);
    }

    /** Tells the other nodes, now: call it after the change committed. Never fails the caller; a failure is logged. */
    public void send(String topic, String body) {
        if (topic.indexOf('|') >= 0) {
            throw new IllegalArgumentException("a topic has no '|': " + topic);
        }
        if (body.length() > MAX_BODY) {
            throw new IllegalArgumentException("a notice's body is at most " + MAX_BODY + " characters: " + topic);
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("select pg_notify(?, ?)")) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            st.setString(1, CHANNEL);
            st.setString(2, node + "|" + topic + "|" + body);
            st.execute();
        } catch (SQLException | RuntimeException e) {
            log.warn("Could not tell the other nodes about {}: {}", topic, e.getMessage());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        // A command does its one job and leaves: it may tell the server's nodes, but listens to nobody.
        if (listener != null || headless) {
            return;
        }
        listener = new Thread(this::listenLoop, "attain-broadcasts");
        listener.setDaemon(true);
        listener.start();
    }

    private void listenLoop() {
        int failures = 0;
        while (running) {
            try {
                Connection c = listening;
                if (c == null) {
                    c = openListening();
                    if (failures > 0) {
                        log.info("Listening to the other nodes again after {} tries", failures + 1);
                    }
                    failures = 0;
                }
                PGNotification[] notices = c.unwrap(PGConnection.class).getNotifications(5000);
                if (notices != null) {
                    for (PGNotification n : notices) {
                        deliver(n.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                if (failures++ == 0) {
                    log.warn("Listening to the other nodes stopped; trying again: {}", e.getMessage());
                }
                closeQuietly(listening);
                listening = null;
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private Connection openListening() throws SQLException {
        HikariDataSource hikari =
                dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        Connection c = hikari != null ? InstanceLease.open(hikari, "attain broadcasts") : dataSource.getConnection();
        try (Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            st.execute("listen " + CHANNEL);
        } catch (SQLException e) {
            closeQuietly(c);
            throw e;
        }
        listening = c;
        return c;
    }

    /** Hands a notice ("node|topic|body") to its topic's handlers unless this node sent it. */
    void deliver(String notice) {
        int first = notice.indexOf('|');
        int second = first < 0 ? -1 : notice.indexOf('|', first + 1);
        if (second < 0) {
            return;
        }
        if (notice.substring(0, first).equals(Integer.toString(node))) {
            return;
        }
        String topic = notice.substring(first + 1, second);
        String body = notice.substring(second + 1);
        for (Consumer<String> h : handlers.getOrDefault(topic, List.of())) {
            try {
                h.accept(body);
            } catch (RuntimeException e) {
                log.warn("A notice of {} from another node was not handled: {}", topic, e.getMessage(), e);
            }
        }
    }

    /** Stops listening before anything shuts down under it (the embedded database stops with the context). */
    @EventListener(ContextClosedEvent.class)
    void stopListening() {
        destroy();
    }

    @Override
    public void destroy() {
        running = false;
        closeQuietly(listening);
        listening = null;
        Thread t = listener;
        if (t != null) {
            t.interrupt();
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // gone either way
            }
        }
    }
}
