package org.attain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attain.platform.InstanceLease;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code import} and {@code calc run} started on the data folder of a running server work on that
 * server's database, as separate processes exactly as an admin starts them: the server sees what
 * they did, and they leave the server's own unfinished work alone. When the server's database cannot
 * be reached they stop with one line saying what to do. Never a stack trace.
 */
class CommandsBesideARunningServerTest extends AttainIntegrationTest {

    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [a-z]");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InstanceLease lease;

    @Test
    void anImportBesideTheServerLandsInItsDatabaseAndLeavesItsRunningWorkAlone() throws Exception {
        Path folder = Files.createTempDirectory("attain-cli-import-");
        String source = "cli-beside-" + UUID.randomUUID();
        Path profile = folder.resolve("deals.profile.yaml");
        Files.writeString(
                profile,
                Files.readString(Path.of("../examples/imports/crm-transactions.profile.yaml"))
                        .replaceFirst("(?m)^source: .*$", "source: " + source));
        String day = TODAY.minusDays(3).format(DateTimeFormatter.ofPattern("M/d/yyyy"));
        Path csv = folder.resolve("deals.csv");
        Files.writeString(csv, """
                Opportunity ID,Opportunity Name,Account Name,Opportunity Owner,Close Date,Amount,Currency,Stage,Type,Product Code,Term (Months),Split
                CLI-1,Beside - One,Willow Energy Corp.,P00038,%s,"4,000.00",USD,Closed Won,New Business,PLT-PRO,12,
                CLI-2,Beside - Two,Willow Energy Corp.,P00038,%s,"1,250.50",USD,Closed Won,New Business,PLT-PRO,12,
                """.formatted(day, day));
        // Work the server itself would be doing: a run of its own and an upload it is still reading.
        long serversRun = runningRun(lease.key());
        long unknownRun = runningRun(null);
        Path upload = dataDir().resolve("imports").resolve("987654-still-reading.csv");
        Files.createDirectories(upload.getParent());
        Files.writeString(upload, "a,b\n");
        long lastRun = jdbc.sql("select coalesce(max(id), 0) from calc_run")
                .query(Long.class)
                .single();
        try {
            Cli cli = Cli.run(
                    "import",
                    "--profile",
                    profile.toString(),
                    csv.toString(),
                    "--attain.data-dir=" + dataDir(),
                    "--attain.clock.today=" + TODAY);

            assertThat(cli.exit).as(cli.output()).isZero();
            assertThat(cli.err)
                    .contains("Attain is running on this data folder (pid "
                            + ProcessHandle.current().pid() + "); working on its database");
            assertThat(STACK_FRAME.matcher(cli.output()).find())
                    .as(cli.output())
                    .isFalse();
            Matcher summary =
                    Pattern.compile("import (\\d+): 2 rows read, 2 new").matcher(cli.out);
            assertThat(summary.find()).as(cli.output()).isTrue();

            WebSession compadmin = login("compadmin", "demo");
            var record = Json.parse(
                            compadmin.get("/api/v1/imports/" + summary.group(1)).body())
                    .get("result");
            assertThat(record.get("source").asString()).isEqualTo(source);
            assertThat(record.get("inserted").asLong()).isEqualTo(2);
            assertThat(record.get("actor").asString()).startsWith("cli:");
            var runs = Json.parse(compadmin.get("/api/v1/calc/runs").body());
            List<String> newRuns = new ArrayList<>();
            runs.forEach(r -> {
                if (r.get("id").asLong() > lastRun) {
                    newRuns.add(
                            r.get("trigger").asString() + " " + r.get("status").asString());
                }
            });
            assertThat(newRuns)
                    .as("the import's recalculation, run by the command")
                    .contains("import " + summary.group(1) + " of transactions DONE");

            assertThat(status(serversRun)).isEqualTo("RUNNING");
            assertThat(status(unknownRun)).isEqualTo("RUNNING");
            assertThat(upload).exists();
        } finally {
            Files.deleteIfExists(upload);
            jdbc.sql("delete from calc_run where id in (:a, :b)")
                    .param("a", serversRun)
                    .param("b", unknownRun)
                    .update();
        }
    }

    @Test
    void aCalculationBesideTheServerIsOneTheServerShows() throws Exception {
        long person = jdbc.sql("select id from person where external_id = 'P00038'")
                .query(Long.class)
                .single();

        Cli cli = Cli.run(
                "calc",
                "run",
                "--person",
                Long.toString(person),
                "--attain.data-dir=" + dataDir(),
                "--attain.clock.today=" + TODAY);

        assertThat(cli.exit).as(cli.output()).isZero();
        assertThat(STACK_FRAME.matcher(cli.output()).find()).as(cli.output()).isFalse();
        Matcher done = Pattern.compile("run (\\d+) DONE").matcher(cli.out);
        assertThat(done.find()).as(cli.output()).isTrue();
        var run = Json.parse(login("compadmin", "demo")
                .get("/api/v1/calc/runs/" + done.group(1))
                .body());
        assertThat(run.get("status").asString()).isEqualTo("DONE");
        assertThat(run.get("startedBy").asString()).startsWith("cli:");
    }

    @Test
    void whenTheServersDatabaseDoesNotAnswerTheCommandSaysWhatToDoInOneLine() throws Exception {
        Path data = Files.createTempDirectory("attain-cli-starting-");
        // A server that holds its folder but has not started PostgreSQL yet: the lock, no postmaster.pid.
        try (FileChannel channel =
                        FileChannel.open(data.resolve("pg.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = channel.lock()) {
            channel.write(java.nio.ByteBuffer.wrap("4242\n".getBytes(StandardCharsets.US_ASCII)));

            Cli cli = Cli.run("calc", "run", "--attain.data-dir=" + data);

            assertThat(cli.exit).isEqualTo(1);
            assertThat(cli.output().lines().filter(l -> !l.isBlank()))
                    .as(cli.output())
                    .hasSize(1);
            assertThat(cli.err)
                    .contains("Attain (pid 4242) is running on the data folder " + data)
                    .contains("wait until the server has started")
                    .contains("\"Calling the API\"");
        }
    }

    private long runningRun(Integer instance) {
        return jdbc.sql("""
                insert into calc_run(kind, status, trigger, started_by, started_at, periods, instance_key)
                values ('FULL', 'RUNNING', 'test', 'test', now(), '{}', :k) returning id""").param("k", instance).query(Long.class).single();
    }

    private String status(long run) {
        return jdbc.sql("select status from calc_run where id = :id")
                .param("id", run)
                .query(String.class)
                .single();
    }

    /** The command as its own process, as {@code java -jar attain.jar ...} runs it, on this test's class path. */
    private record Cli(int exit, String out, String err) {

        static Cli run(String... args) throws IOException, InterruptedException {
            Path out = Files.createTempFile("attain-cli-", ".out");
            Path err = Files.createTempFile("attain-cli-", ".err");
            List<String> command = new ArrayList<>(List.of(
                    ProcessHandle.current().info().command().orElse("java"),
                    "-Xmx768m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    AttainMain.class.getName()));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("the command did not end: " + Files.readString(err));
            }
            Cli cli = new Cli(process.exitValue(), Files.readString(out), Files.readString(err));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return cli;
        }

        String output() {
            return out + err;
        }
    }
}
