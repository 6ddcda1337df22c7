package org.attain.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The application for a command-line subcommand: same configuration and database as the server
 * (so the demo company is loaded on a first start exactly as {@code serve} does) but quiet, and
 * with no port open. The context stays a web one because the security configuration needs it.
 *
 * <ul>
 * <li>Beside a running server: when an Attain holds the data folder, the command works on that
 * server's PostgreSQL ({@link RunningServer}) and leaves the owner's work to the owner (demo loading,
 * first admin, schedules); start-up recovery touches only what dead instances left (InstanceLease).
 * When the server's database does not answer, it stops with one line saying what to do.</li>
 * <li>Quiet: the console shows only the command's own lines; what Spring and the libraries log goes
 * to {@code logs/attain-cli.json} in the data folder, stack traces included. {@code --debug} or any
 * {@code --logging.*} option shows it on the terminal too.</li>
 * </ul>
 */
public final class Headless {

    // The application's configuration class, handed in by the application itself (AttainApplication and
    // AttainMain): platform is below every capability and must not name the class that assembles them.
    private static volatile Class<?> application;

    private Headless() {}

    /** Which class a command's context starts from; the application registers itself before any command runs. */
    public static void use(Class<?> applicationClass) {
        application = applicationClass;
    }

    /** The registered application class. */
    public static Class<?> application() {
        Class<?> app = application;
        if (app == null) {
            throw new IllegalStateException("no application registered: Headless.use(...) was not called");
        }
        return app;
    }

    public static ConfigurableApplicationContext start(List<String> springArguments) {
        boolean debug = springArguments.contains("--debug");
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new SimpleCommandLinePropertySource(springArguments.toArray(String[]::new)));
        Path dataDir = Path.of(env.getProperty("attain.data-dir", "./data"))
                .toAbsolutePath()
                .normalize();
        List<String> args = new ArrayList<>(List.of(
                "--logging.level.root=warn",
                "--spring.main.log-startup-info=false",
                "--server.port=-1",
                "--springdoc.api-docs.enabled=false",
                "--springdoc.swagger-ui.enabled=false",
                "--attain.headless=true"));
        // Asking for a logger's level (bench/import.sh does) means wanting its lines on the terminal.
        if (!debug && springArguments.stream().noneMatch(a -> a.startsWith("--logging."))) {
            args.add("--logging.threshold.console=off");
        }
        if (!env.containsProperty("logging.file.name")) {
            // Not the server's file: two processes rolling one file over would lose lines.
            args.add("--logging.file.name=" + dataDir.resolve("logs").resolve("attain-cli.json"));
        }
        writable(dataDir);
        if (!externalDatabase(env)) {
            Optional<RunningServer.Database> server = RunningServer.on(dataDir);
            server.ifPresent(db -> {
                System.err.println(db.notice());
                args.addAll(db.springArguments());
            });
        }
        args.addAll(springArguments);
        return new SpringApplicationBuilder(application())
                .web(WebApplicationType.SERVLET)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(args.toArray(String[]::new));
    }

    private static boolean externalDatabase(StandardEnvironment env) {
        String url = env.getProperty("spring.datasource.url", env.getProperty("ATTAIN_DB_URL", ""));
        return !url.isBlank();
    }

    /** The data folder holds the log and uploads (and the embedded database): say so at once when it cannot be written. */
    private static void writable(Path dataDir) {
        try {
            Files.createDirectories(dataDir.resolve("logs"));
        } catch (java.nio.file.AccessDeniedException e) {
            throw new CliException("the data folder " + dataDir + " is not writable (no permission to create "
                    + e.getFile() + "): check its owner and permissions, or choose another one with --attain.data-dir");
        } catch (IOException e) {
            throw new CliException("cannot create the data folder " + dataDir + " ("
                    + e.getClass().getSimpleName() + " " + e.getMessage()
                    + "): choose another one with --attain.data-dir");
        }
        if (!Files.isWritable(dataDir) || !Files.isWritable(dataDir.resolve("logs"))) {
            throw new CliException("the data folder " + dataDir + " is not writable; check its owner and permissions, "
                    + "or choose another one with --attain.data-dir");
        }
    }
}
