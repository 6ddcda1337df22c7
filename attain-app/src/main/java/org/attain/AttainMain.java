package org.attain;

import java.util.Arrays;

/**
 * The one executable: {@code java -jar attain.jar [serve|scenario|demo|import] ...}.
 * With no subcommand (or only Spring options such as {@code --server.port=8080}) it runs the server,
 * so the jar behaves like any Spring Boot application.
 */
public final class AttainMain {

    private AttainMain() {}

    public static void main(String[] args) {
        org.attain.platform.Headless.use(AttainApplication.class);
        String command = args.length == 0 || args[0].startsWith("-") ? "serve" : args[0];
        String[] rest = args.length == 0 || args[0].startsWith("-") ? args : Arrays.copyOfRange(args, 1, args.length);
        int exit = switch (command) {
            case "serve" -> {
                AttainApplication.run(rest);
                yield -1;
            }
            case "help", "--help" -> {
                System.out.println(USAGE);
                yield 0;
            }
            default -> subcommand(command, rest);
        };
        if (exit >= 0) {
            System.exit(exit);
        }
    }

    /**
     * The last safety net of the commands: each says what went wrong in its own words, but whatever
     * escapes them (a bug, the disk full, out of memory) still ends in one line and exit code 1, with
     * the stack trace only when asked for with {@code --debug}.
     */
    static int subcommand(String command, String[] args) {
        try {
            return Subcommands.run(command, args);
        } catch (RuntimeException | Error e) {
            if (Arrays.asList(args).contains("--debug")) {
                e.printStackTrace();
            }
            System.err.println(command + " failed: " + org.attain.platform.CliFailure.describe(e)
                    + " (run again with --debug for the details)");
            return 1;
        }
    }

    static final String USAGE = """
            Usage: java -jar attain.jar [command] [options]
              serve [--spring.options]           run the server (default)
              scenario run <file-or-folder>...   run plan scenarios through the engine, no database
              calc run [--person ID]...          run the calculation on the server's database
              demo generate --people N --transactions M --out DIR
                                                 write a generated company as CSV files
              import --profile PROFILE FILE      load a file with an import profile
              backup --to FILE                   the whole database as one file (beside a running server too)
              restore --from FILE                replace the database with a backup (server stopped)
            Commands that use the database work beside a server running on the same data folder, on its
            database. Add --debug to see what the application logs (else in data/logs/attain-cli.json).
            """;
}
