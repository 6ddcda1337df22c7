package org.attain.platform;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns whatever stopped a command-line command into one line for the terminal: a known condition
 * (the database does not answer, a login refused, a file not writable) says what to do, anything else
 * is its chain of causes without frames. Spring wraps a failure in five to ten "Error creating bean"
 * layers whose messages repeat each other; only the innermost say something to the user.
 */
public final class CliFailure {

    private static final int LONGEST = 600;

    private CliFailure() {}

    public static String describe(Throwable failure) {
        List<Throwable> chain = chain(failure);
        for (Throwable t : chain) {
            if (t instanceof CliException) {
                return t.getMessage();
            }
        }
        if (DiskFull.in(failure)) {
            // the outermost message naming the cause says where (the backup's names its file)
            String where = chain.stream()
                    .map(Throwable::getMessage)
                    .filter(m -> m != null && m.contains("No space left"))
                    .findFirst()
                    .map(CliFailure::oneLine)
                    .orElseGet(() -> causes(chain));
            return "the disk is full: " + where + " (free some space, or choose another place, then try again)";
        }
        for (Throwable t : chain) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                if (sql.getSQLState().startsWith("08")) {
                    return "the database does not answer: " + oneLine(sql.getMessage())
                            + " (check ATTAIN_DB_URL or spring.datasource.url, and that PostgreSQL runs)";
                }
                if (sql.getSQLState().startsWith("28")) {
                    return "the database refused the login: " + oneLine(sql.getMessage())
                            + " (check ATTAIN_DB_USER and ATTAIN_DB_PASSWORD)";
                }
            }
        }
        for (Throwable t : chain) {
            if (t instanceof AccessDeniedException denied) {
                return "no permission to write " + denied.getFile() + " (check the data folder's owner and permissions,"
                        + " or choose another one with --attain.data-dir)";
            }
            if (t instanceof java.nio.file.NoSuchFileException missing) {
                return missing.getFile() + ": no such file or folder";
            }
            if (t instanceof FileSystemException fs && fs.getReason() != null) {
                return fs.getFile() + ": " + fs.getReason();
            }
        }
        return causes(chain);
    }

    /** The innermost messages, outermost first, each once: "a: b: c". */
    private static String causes(List<Throwable> chain) {
        Set<String> parts = new LinkedHashSet<>();
        // Spring's wrappers repeat the inner message inside their own; the root causes carry the meaning.
        for (int i = chain.size() - 1; i >= 0 && parts.size() < 3; i--) {
            Throwable t = chain.get(i);
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : oneLine(t.getMessage());
            if (parts.stream().noneMatch(message::contains)) {
                parts.add(message);
            }
        }
        List<String> outermostFirst = new ArrayList<>(parts);
        Collections.reverse(outermostFirst);
        String line = String.join(": ", outermostFirst);
        return line.length() <= LONGEST ? line : line.substring(0, LONGEST) + "...";
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
