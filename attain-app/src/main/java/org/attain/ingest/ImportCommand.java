package org.attain.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.attain.ingest.profiles.ImportProfile;
import org.attain.ingest.profiles.ProfileException;
import org.attain.platform.CliFailure;
import org.attain.platform.Headless;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar attain.jar import --profile PROFILE FILE [--dry-run] [--spring.options]}: starts
 * the application without a listening web server on the same database the server uses (the embedded one in
 * ./data by default, with the demo company loaded on first start as {@code serve} does; the running
 * server's when one holds the folder, see {@link Headless}), runs one import, prints every rejected row
 * and the summary line, and exits.
 */
public final class ImportCommand {

    static final String USAGE = "usage: import --profile PROFILE FILE [--dry-run] [--spring.options]";

    private ImportCommand() {}

    /** @return 0 when the file was read (even if rows were rejected), 2 on bad arguments, 1 when nothing could be read */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String profilePath = null;
        String file = null;
        boolean dryRun = false;
        List<String> spring = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--profile") && i + 1 < args.length) {
                profilePath = args[++i];
            } else if (a.startsWith("--profile=")) {
                profilePath = a.substring("--profile=".length());
            } else if (a.equals("--dry-run")) {
                dryRun = true;
            } else if (a.startsWith("--")) {
                spring.add(a);
            } else if (file == null) {
                file = a;
            } else {
                err.println("only one file per import; got " + file + " and " + a);
                err.println(USAGE);
                return 2;
            }
        }
        if (profilePath == null || file == null) {
            err.println(USAGE);
            return 2;
        }
        ImportProfile profile;
        try {
            Path p = Path.of(profilePath);
            profile = ImportProfile.parse(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException e) {
            err.println("cannot read the profile " + profilePath + ": " + CliFailure.describe(e));
            return 1;
        } catch (ProfileException e) {
            err.println("the profile cannot be used: " + e.getMessage());
            return 1;
        }
        Path data = Path.of(file);
        if (!Files.isRegularFile(data) || !Files.isReadable(data)) {
            err.println("the file " + file + " does not exist or cannot be read");
            return 1;
        }
        try (ConfigurableApplicationContext context = Headless.start(spring)) {
            Imports imports = context.getBean(Imports.class);
            long started = System.nanoTime();
            ImportOutcome outcome = imports.importFile(new Imports.FileImport(
                    profile,
                    data.toAbsolutePath(),
                    data.getFileName().toString(),
                    "cli:" + System.getProperty("user.name", "unknown"),
                    dryRun));
            long millis = (System.nanoTime() - started) / 1_000_000;
            print(outcome, millis, context.getBean(ImportRecords.class), out);
            return 0;
        } catch (ImportFailedException e) {
            err.println("import " + e.importId() + " failed: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("import failed: " + CliFailure.describe(e));
            return 1;
        }
    }

    private static void print(ImportOutcome outcome, long millis, ImportRecords records, PrintStream out) {
        out.println(
                "import " + outcome.importId() + (outcome.status().equals("DRY_RUN") ? " (dry run, nothing saved)" : "")
                        + ": " + outcome.rowsRead() + " rows read, " + outcome.inserted() + " new, " + outcome.updated()
                        + " changed in "
                        + seconds(outcome.millis()) + " s"
                        + (millis - outcome.millis() >= 1000
                                ? " (then " + seconds(millis - outcome.millis())
                                        + " s for follow-up work such as recalculation)"
                                : ""));
        if (outcome.rejected() > 0) {
            out.println("rejected rows (row, column, value, reason, suggestion):");
            int limit = 200;
            for (ImportRecords.QuarantinedRow row : records.quarantine(outcome.importId(), limit)) {
                for (Problem p : row.problems()) {
                    out.println("  row " + row.rowNumber() + " | " + p.column() + " | '" + p.value() + "' | "
                            + p.reason() + (p.suggestion() == null ? "" : " | did you mean '" + p.suggestion() + "'?"));
                }
            }
            if (outcome.rejected() > limit) {
                out.println("  ... and " + (outcome.rejected() - limit) + " more rejected rows (see /imports/"
                        + outcome.importId() + ")");
            }
        }
        out.println(outcome.summary());
        if (outcome.outsideRun() != null) {
            out.println(outcome.outsideRun().english());
        }
    }

    private static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1f", millis / 1000.0);
    }
}
