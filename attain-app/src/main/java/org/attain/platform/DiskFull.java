package org.attain.platform;

import java.io.IOException;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Recognises a full disk behind a failure: PostgreSQL's {@code disk_full} (SQL state 53100, "could not
 * extend file ...: No space left on device") or the operating system's ENOSPC on a file Attain writes.
 * The error handlers answer it with a message saying so (507 Insufficient Storage) instead of an
 * unexpected error: nothing was saved, and the same action works once space is freed.
 */
public final class DiskFull {

    static final String SQL_STATE = "53100";
    private static final String ENOSPC = "No space left on device";

    private DiskFull() {}

    /** Whether the failure or any of its causes (or what they suppressed) is a full disk. */
    public static boolean in(Object failure) {
        return failure instanceof Throwable t && in(t, new IdentityHashMap<>());
    }

    private static boolean in(Throwable t, Map<Throwable, Boolean> seen) {
        if (t == null || seen.put(t, Boolean.TRUE) != null) {
            return false;
        }
        if (t instanceof SQLException sql && SQL_STATE.equals(sql.getSQLState())) {
            return true;
        }
        if ((t instanceof IOException || t instanceof SQLException)
                && t.getMessage() != null
                && t.getMessage().contains(ENOSPC)) {
            return true;
        }
        for (Throwable s : t.getSuppressed()) {
            if (in(s, seen)) {
                return true;
            }
        }
        return in(t.getCause(), seen);
    }
}
