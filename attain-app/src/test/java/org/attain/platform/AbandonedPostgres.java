package org.attain.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;

/**
 * Started in a child JVM by the tests: an embedded PostgreSQL started the way Attain started it
 * before crash recovery (zonky alone, no watchdog), so killing this JVM with SIGKILL leaves the
 * server running on the folder, exactly as {@code kill -9} of an old Attain did.
 */
public final class AbandonedPostgres {

    private AbandonedPostgres() {}

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(Path.of(args[0]))
                .setCleanDataDirectory(false)
                .setPort(0)
                .start();
        System.out.println("ready " + pg.getPort());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
