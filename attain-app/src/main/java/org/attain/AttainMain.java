package org.attain;

import java.util.Arrays;

/**
 * The one executable: {@code java -jar attain.jar [serve|scenario|demo|import] ...}.
 * With no subcommand (or only Spring options such as {@code --server.port=8080}) it runs the server,
 * so the jar behaves like any Spring Boot application.
 */
public final class AttainMain {

    private AttainMain() {
    }

    public static void main(String[] args) {
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
            default -> Subcommands.run(command, rest);
        };
        if (exit >= 0) {
            System.exit(exit);
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
            """;
}
