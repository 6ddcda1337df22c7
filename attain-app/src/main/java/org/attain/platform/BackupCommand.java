package org.attain.platform;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar attain.jar backup --to FILE} and {@code restore --from FILE}: the whole database as one
 * file ({@link DatabaseBackup}), embedded or external. A backup works beside a running server, on its
 * database; a restore replaces everything and is refused while a server holds the data folder (stop it
 * first; with an external database, stop every instance). A restore into a new data folder starts its
 * embedded PostgreSQL, migrates it without the demo company, then loads the backup.
 */
public final class BackupCommand {

    static final String USAGE = "usage: backup --to FILE [--spring.options] | restore --from FILE [--spring.options]";

    private BackupCommand() {}

    public static int backup(String[] args) {
        return run("backup", "--to", args, System.out, System.err);
    }

    public static int restore(String[] args) {
        return run("restore", "--from", args, System.out, System.err);
    }

    static int run(String command, String flag, String[] args, PrintStream out, PrintStream err) {
        Path file = null;
        List<String> spring = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(flag) && i + 1 < args.length) {
                file = Path.of(args[++i]).toAbsolutePath();
            } else if (args[i].startsWith("--")) {
                spring.add(args[i]);
            } else {
                err.println("unexpected argument '" + args[i] + "'");
                err.println(USAGE);
                return 2;
            }
        }
        if (file == null) {
            err.println(USAGE);
            return 2;
        }
        boolean restoring = command.equals("restore");
        if (restoring && !Files.isRegularFile(file)) {
            err.println("restore: no file " + file);
            return 2;
        }
        if (restoring) {
            Path dataDir = dataDir(spring);
            if (RunningServer.on(dataDir).isPresent()) {
                err.println("restore: an Attain is running on " + dataDir
                        + "; stop it first (a restore replaces all data)");
                return 1;
            }
            // A fresh folder must not get the demo company first: the backup is the data.
            spring.add(0, "--attain.demo.enabled=false");
        }
        long started = System.nanoTime();
        try (ConfigurableApplicationContext context = Headless.start(spring)) {
            DatabaseBackup db = new DatabaseBackup(context.getBean(DataSource.class));
            DatabaseBackup.Summary s = restoring ? db.restore(file) : db.backup(file);
            out.println(command + " " + (restoring ? "from " : "to ") + file + ": schema " + s.schemaVersion() + ", "
                    + s.tables() + " tables, " + s.rows() + " rows, " + s.bytes() + " bytes of data, "
                    + (System.nanoTime() - started) / 1_000_000 + " ms"
                    + (restoring ? ", every table read back equal" : ""));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(command + ": " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println(command + " failed: " + CliFailure.describe(e));
            return 1;
        }
    }

    private static Path dataDir(List<String> spring) {
        return spring.stream()
                .filter(a -> a.startsWith("--attain.data-dir="))
                .map(a -> Path.of(a.substring("--attain.data-dir=".length())))
                .reduce((a, b) -> b)
                .orElse(Path.of("./data"))
                .toAbsolutePath()
                .normalize();
    }
}
