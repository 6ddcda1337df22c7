package org.attain.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** For tests of a migration on a database of their own, and of which partitions a query plan reads. */
public final class SchemaAt {

    private SchemaAt() {}

    /** Migrates {@code db} up to migration {@code target} (all of them when null). */
    public static void migrate(DataSource db, String target) {
        var config = Flyway.configure().dataSource(db).locations("classpath:db/migration");
        if (target != null) {
            config.target(target);
        }
        config.load().migrate();
    }

    /** Deletes a test's temporary folder with everything in it. */
    public static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The partitions an EXPLAIN output names, by the pattern of their names. */
    public static Set<String> partitionsNamedIn(String plan, Pattern partition) {
        Set<String> named = new TreeSet<>();
        Matcher m = partition.matcher(plan);
        while (m.find()) {
            named.add(m.group());
        }
        return named;
    }
}
