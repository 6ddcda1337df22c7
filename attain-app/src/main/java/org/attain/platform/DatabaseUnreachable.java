package org.attain.platform;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Recognises a failure that only says the database could not be reached: no connection to be had (the pool
 * timed out, the server refused or is starting), or the server ending the session because it is stopping or
 * restarting (SQL states of class 08 and 57P01-57P03). The error handlers answer it with 503 and a page saying
 * the numbers are safe and back in a moment, instead of an unexpected error with an id to report: nothing is
 * wrong with the request, and the embedded server is restarted by its watchdog within seconds.
 */
public final class DatabaseUnreachable {

    /** How long a client should wait before asking again (the watchdog restarts the embedded server in ~3 s). */
    public static final int RETRY_AFTER_SECONDS = 10;

    private DatabaseUnreachable() {}

    /** Whether the failure or any of its causes (or what they suppressed) says the database cannot be reached. */
    public static boolean in(Object failure) {
        return failure instanceof Throwable t && in(t, new IdentityHashMap<>());
    }

    private static boolean in(Throwable t, Map<Throwable, Boolean> seen) {
        if (t == null || seen.put(t, Boolean.TRUE) != null) {
            return false;
        }
        if (t instanceof CannotGetJdbcConnectionException || t instanceof SQLTransientConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql && unreachable(sql.getSQLState())) {
            return true;
        }
        for (Throwable s : t.getSuppressed()) {
            if (in(s, seen)) {
                return true;
            }
        }
        return in(t.getCause(), seen);
    }

    private static boolean unreachable(String state) {
        return state != null
                && (state.startsWith("08") // connection exception: refused, broken, failed
                        || state.equals("57P01") // admin_shutdown: the server is stopping
                        || state.equals("57P02") // crash_shutdown
                        || state.equals("57P03")); // cannot_connect_now: the server is starting
    }
}
