package org.attain.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.attain.access.ApiTokens;
import org.attain.access.Role;
import org.attain.access.UserAccounts;
import org.attain.calc.CalcRuns;
import org.attain.demo.DemoCompany;
import org.attain.demo.DemoGenerator;
import org.attain.demo.DemoParameters;
import org.attain.plan.Plans;
import org.attain.sales.TransactionPartitions;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code java -jar attain.jar bench --preset smoke|varcac|full|spark}: one run that starts its own PostgreSQL in a
 * fresh scratch folder, starts the application on it, loads a generated company, calculates,
 * computes the same with plain SQL, measures single-deal recalculation and the dashboard under
 * load, and deletes the scratch folder again whatever happens. Prints {@code key=value} lines and
 * ends with {@code ratio_vs_sql=X}. {@code --preset spark} calculates the same company on this machine and then on
 * Spark local[1] and local[2] instead ({@link SparkPreset}).
 */
public final class BenchCommand {

    private static final String PASSWORD = "bench-password-1234";

    private final BenchOptions options;
    private final AtomicLong peakHeap = new AtomicLong();
    private String phase = "start";

    private BenchCommand(BenchOptions options) {
        this.options = options;
    }

    public static int run(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(BenchOptions.USAGE);
            return 2;
        }
        return new BenchCommand(options).run();
    }

    private volatile Path scratch;
    private volatile EmbeddedPostgres pg;

    private int run() {
        ConfigurableApplicationContext app = null;
        Thread sampler = heapSampler();
        // Killed from outside (Ctrl-C, SIGTERM), the finally block never runs: still stop PostgreSQL and delete its
        // data.
        Thread cleanup = new Thread(this::stopDatabase, "bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            // The embedded PostgreSQL logs every line of initdb at INFO before Spring configures logging.
            if (org.slf4j.LoggerFactory.getLogger("io.zonky") instanceof ch.qos.logback.classic.Logger zonky) {
                zonky.setLevel(ch.qos.logback.classic.Level.WARN);
            }
            scratch = Files.createTempDirectory("attain-bench-");
            phase = "database start";
            pg = EmbeddedPostgres.builder()
                    .setDataDirectory(scratch.resolve("pg"))
                    .setCleanDataDirectory(true)
                    .setPort(0)
                    .setServerConfig("max_connections", "120")
                    .setServerConfig("shared_buffers", options.transactions() > 2_000_000 ? "3GB" : "256MB")
                    .setServerConfig("work_mem", "64MB")
                    .setServerConfig("maintenance_work_mem", "512MB")
                    .setServerConfig("max_wal_size", "16GB")
                    .setServerConfig("checkpoint_timeout", "30min")
                    .start();
            phase = "application start";
            long t0 = System.nanoTime();
            app = org.springframework.boot.SpringApplication.run(
                    org.attain.platform.Headless.application(), new String[] {
                        "--spring.datasource.url=" + pg.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        // The connection pool keeps Hikari's default size (10), as with an external database in
                        // production:
                        // on 2 cores, 50 users are served with less CPU per request by 10 busy PostgreSQL backends
                        // than by 70 (docs/benchmarks.md, "Dashboard under load").
                        "--server.port=0",
                        "--attain.data-dir=" + scratch,
                        "--attain.demo.enabled=false",
                        "--logging.level.root=WARN",
                        "--logging.level.org.attain=WARN",
                        // A failed start is reported below in one line, not as Spring's stack trace.
                        "--logging.level.org.springframework.boot.SpringApplication=OFF"
                        // Request threads as the product sizes them (platform.RequestThreads: 8 per core), not one
                        // per user: the users wait their turn as they would on a real server.
                    });
            print("app_start_s", seconds(t0));
            measure(app);
            hold();
            return 0;
        } catch (Exception | Error e) {
            System.err.println("bench failed in phase '" + phase + "': " + org.attain.platform.CliFailure.describe(e));
            return 1;
        } finally {
            // Each step on its own, so a failure while stopping the app still stops PostgreSQL and deletes its data.
            sampler.interrupt();
            try {
                if (app != null) {
                    app.close();
                }
            } catch (RuntimeException | Error e) {
                System.err.println("stopping the application failed: " + e);
            }
            stopDatabase();
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook is running or has run; nothing left to undo.
            }
        }
    }

    /** --hold: the database stays up for a look with psql (EXPLAIN of a page's queries on the data measured). */
    private void hold() throws InterruptedException {
        if (options.holdSeconds() > 0) {
            print("hold_psql", "psql -h localhost -p " + pg.getPort() + " -U postgres postgres");
            print("hold_s", options.holdSeconds());
            Thread.sleep(options.holdSeconds() * 1000L);
        }
    }

    private synchronized void stopDatabase() {
        try {
            if (pg != null) {
                // The embedded server's stop waits 5 s for the shutdown checkpoint; after a 10M-row load with
                // gigabytes of shared buffers that checkpoint takes longer, and the stop ended "Could not stop
                // postmaster" with a stack trace. Writing the dirty buffers first leaves the shutdown little to do.
                try (var c = pg.getPostgresDatabase().getConnection();
                        var st = c.createStatement()) {
                    st.execute("checkpoint");
                } catch (java.sql.SQLException e) {
                    System.err.println("checkpoint before stopping PostgreSQL failed: " + e.getMessage());
                }
                pg.close();
            }
        } catch (IOException | RuntimeException | Error e) {
            System.err.println("stopping PostgreSQL failed: " + e);
        }
        pg = null;
        delete(scratch);
        scratch = null;
    }

    private void measure(ConfigurableApplicationContext app) throws Exception {
        DataSource ds = app.getBean(DataSource.class);
        JdbcClient jdbc = JdbcClient.create(ds);
        LocalDate today = LocalDate.now(app.getBean(Clock.class));
        // The history's calendar (= fiscal, starting in January) years: by default last year and this one, the
        // periods a run covers. --history-years moves the history's start back (older years are history no run reads:
        // neither quotas nor the SQL cover them) or to this year's first day.
        LocalDate historyFrom = LocalDate.of(today.getYear() - options.historyYears() + 1, 1, 1);
        LocalDate lastYear = LocalDate.of(today.getYear() - 1, 1, 1);
        LocalDate from = historyFrom.isAfter(lastYear) ? historyFrom : lastYear;
        LocalDate to = LocalDate.of(today.getYear(), 12, 31);
        print("preset", options.preset());
        print("history_years", options.historyYears());
        // The spark preset scales what a transaction costs in heap and on disk: measured from the empty application.
        try (HeapWatch watch = options.spark() ? new HeapWatch() : null) {
            SparkPreset spark = watch == null
                    ? null
                    : new SparkPreset(jdbc, watch, new CpuClock(scratch.resolve("pg")), scratch, BenchCommand::print);
            measure(app, jdbc, today, historyFrom, from, to, spark);
        }
    }

    private void measure(
            ConfigurableApplicationContext app,
            JdbcClient jdbc,
            LocalDate today,
            LocalDate historyFrom,
            LocalDate from,
            LocalDate to,
            SparkPreset spark)
            throws Exception {
        DataSource ds = app.getBean(DataSource.class);
        phase = "generate and load";
        DemoCompany company = DemoGenerator.generate(DemoParameters.defaults(today)
                .withSeed(options.seed())
                .withPeople(options.people())
                .withTransactions(options.transactions())
                .withHistoryStart(historyFrom));
        BenchData data = new BenchData(ds);
        BenchData.MasterData master = data.loadMasterData(company);
        long t0 = System.nanoTime();
        // The transactions' years get their partitions before the COPY; a straggler outside them is moved after it.
        TransactionPartitions partitions = app.getBean(TransactionPartitions.class);
        partitions.ensureYears(historyFrom, to);
        List<String> indexes = data.dropSecondaryIndexes();
        long rows = data.copyTransactions(company, master.people());
        partitions.adoptDefaultRows();
        double copySeconds = seconds(t0);
        long t1 = System.nanoTime();
        data.createIndexes(indexes);
        double indexSeconds = seconds(t1);
        print("people", master.people().size());
        print("transactions", rows);
        print("load_copy_s", copySeconds);
        print("load_index_s", indexSeconds);
        print("load_total_s", seconds(t0));
        print("load_rows_per_s", Math.round(rows / copySeconds));
        t0 = System.nanoTime();
        jdbc.sql("analyze").update();
        print("load_analyze_s", seconds(t0));
        // A running server loads new transactions into its in-memory store as they arrive (and all of them
        // at start-up); the load phase ends when the store holds them, as it would before a run.
        phase = "transaction store";
        t0 = System.nanoTime();
        app.getBean(CalcRuns.class).warmTransactions();
        print("load_store_s", seconds(t0));
        if (spark != null) {
            spark.loaded(rows);
        }

        phase = "compensation set-up";
        Plans plans = app.getBean(Plans.class);
        for (String currency : master.currencies()) {
            plans.publish(BenchData.plan(currency), "bench");
        }
        data.compensation(from, to);
        jdbc.sql("analyze").update();
        print(
                "payees",
                jdbc.sql("select count(distinct person_id) from plan_assignment")
                        .query(Long.class)
                        .single());

        phase = "full calculation";
        CalcRuns runs = app.getBean(CalcRuns.class);
        CpuClock cpu = new CpuClock(scratch.resolve("pg"));
        // The same full run --calc-runs times: the first in a JVM that has not compiled the calculation yet
        // (its JIT compiler competes for the cores), the later ones as a server runs it every night. Each
        // is printed; the comparison with SQL is made for each, ratio_vs_sql with the last.
        List<Double> runSeconds = new ArrayList<>();
        CalcRuns.Run run = null;
        CpuClock.Reading calcCpu = null;
        if (spark != null) {
            spark.singleNodeStarts();
        }
        for (int r = 1; r <= options.calcRuns(); r++) {
            CpuClock.Reading cpu0 = cpu.read();
            t0 = System.nanoTime();
            run = runs.runFull("bench", "bench");
            runSeconds.add(seconds(t0));
            calcCpu = cpu.read().minus(cpu0);
            if (run.status() != org.attain.calc.RunStatus.DONE) {
                throw new IllegalStateException("calculation run " + r + " ended " + run.status() + ": " + run.error());
            }
            if (!run.failedPayees().isEmpty()) {
                throw new IllegalStateException(
                        "the run left out " + run.failedPayees().size() + " payee(s): "
                                + abbreviate(run.failedPayees().toString()));
            }
            if (!"[]".equals(run.exclusions()) || !"[]".equals(run.issues())) {
                throw new IllegalStateException("the run excluded transactions or reported issues: "
                        + abbreviate(run.exclusions()) + " " + abbreviate(run.issues()));
            }
            // What the run found changed and how many explained deals it stored: a rerun on the same data
            // stores none (an equal result points at the deals stored before), which the reader should know.
            String prefix = r < options.calcRuns() ? "calc_run_" + r + "_" : "calc_";
            print(prefix + "changed", run.changed());
            print(
                    prefix + "deals_stored",
                    jdbc.sql("""
                            select coalesce(sum(p.deal_count), 0) from earnings_line_deal_pack p
                            join payee_period_result r on r.id = p.result_id and r.period_id = p.period_id
                            where r.run_id = :r""").param("r", run.id()).query(Long.class).single());
            if (r < options.calcRuns()) {
                print("calc_run_" + r + "_s", runSeconds.get(r - 1));
                print("calc_run_" + r + "_cpu_jvm_s", calcCpu.jvmSeconds());
                print("calc_run_" + r + "_cpu_pg_s", calcCpu.postgresSeconds());
            }
        }
        double attainSeconds = runSeconds.get(runSeconds.size() - 1);
        // The same warm run once more, storing every result as if all had changed (after a plan change):
        // the reruns above store only what changed, which on unchanged data is nothing.
        CpuClock.Reading cpuAll0 = cpu.read();
        t0 = System.nanoTime();
        CalcRuns.Run all = runs.runFullStoringEverything("bench", "bench");
        double storeAllSeconds = seconds(t0);
        CpuClock.Reading cpuAll = cpu.read().minus(cpuAll0);
        if (all.status() != org.attain.calc.RunStatus.DONE) {
            throw new IllegalStateException("calculation run storing every result ended " + all.status());
        }
        print("calc_full_store_all_s", storeAllSeconds);
        print("calc_full_store_all_cpu_jvm_s", cpuAll.jvmSeconds());
        print("calc_full_store_all_cpu_pg_s", cpuAll.postgresSeconds());
        if (spark != null) {
            // The full preset's calculation, then the same on Spark: no SQL, single deals or users.
            print("calc_full_s", runSeconds.get(runSeconds.size() - 1));
            print("calc_tx_per_s", Math.round(rows / runSeconds.get(runSeconds.size() - 1)));
            phase = "runs on Spark";
            spark.measure(runs, all, storeAllSeconds);
            print("heap_peak_mb", peakHeap.get() / (1024 * 1024));
            print("heap_max_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
            return;
        }
        SqlBaseline sql = new SqlBaseline(ds);
        long attainLines = sql.attainDealLines();
        print("calc_runs", options.calcRuns());
        print("calc_full_s", attainSeconds);
        print(
                "calc_payee_periods",
                // The current results (the last run stored only those that changed; it computed them all).
                jdbc.sql("select count(*) from payee_period_result where is_current")
                        .query(Long.class)
                        .single());
        print("calc_deal_lines", attainLines);
        print("calc_tx_per_s", Math.round(rows / attainSeconds));
        print(
                "calc_timings",
                jdbc.sql("select timings::text from calc_run where id = :id")
                        .param("id", run.id())
                        .query(String.class)
                        .single());
        print("calc_cpu_jvm_s", calcCpu.jvmSeconds());
        print("calc_cpu_pg_s", calcCpu.postgresSeconds());

        phase = "plain SQL baseline";
        // Each variant timed on its own and compared to the cent; sql_s is the one as configured (continuity).
        SqlBaseline.Outcome baseline = null;
        SqlBaseline.Outcome best = null;
        for (SqlBaseline.Variant v :
                SqlBaseline.Variant.all(Runtime.getRuntime().availableProcessors())) {
            CpuClock.Reading sqlCpu0 = cpu.read();
            SqlBaseline.Outcome o = sql.run(from, to, v);
            String prefix = v == SqlBaseline.Variant.AS_CONFIGURED ? "sql" : "sql_" + v.name();
            print(prefix + "_s", o.seconds());
            print(prefix + "_cpu_pg_s", cpu.read().minus(sqlCpu0).postgresSeconds());
            if (v == SqlBaseline.Variant.AS_CONFIGURED) {
                print("sql_deal_lines", o.dealLines());
                baseline = o;
            }
            compare(sql.attainTotals(), o.totals(), attainLines, o.dealLines());
            if (best == null || o.seconds() < best.seconds()) {
                best = o;
            }
        }
        print("sql_best", best.variant());
        print("sql_best_s", best.seconds());

        phase = "single-deal recalculation";
        incremental(app, jdbc, today);

        phase = "dashboard load";
        dashboard(app, jdbc, cpu);

        print("heap_peak_mb", peakHeap.get() / (1024 * 1024));
        print("heap_max_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        for (int r = 1; r < runSeconds.size(); r++) {
            System.out.printf("ratio_vs_sql_run_%d=%.2f%n", r, baseline.seconds() / runSeconds.get(r - 1));
            System.out.printf("ratio_vs_best_sql_run_%d=%.2f%n", r, best.seconds() / runSeconds.get(r - 1));
        }
        System.out.printf("ratio_vs_best_sql_store_all=%.2f%n", best.seconds() / storeAllSeconds);
        System.out.printf("ratio_vs_best_sql=%.2f%n", best.seconds() / attainSeconds);
        System.out.printf("ratio_vs_sql=%.2f%n", baseline.seconds() / attainSeconds);
    }

    private void compare(Map<String, BigDecimal> attain, Map<String, BigDecimal> sql, long attainLines, long sqlLines) {
        Set<String> keys = new TreeSet<>(attain.keySet());
        keys.addAll(sql.keySet());
        BigDecimal attainTotal = BigDecimal.ZERO;
        BigDecimal sqlTotal = BigDecimal.ZERO;
        List<String> differ = new ArrayList<>();
        for (String k : keys) {
            BigDecimal a = attain.getOrDefault(k, BigDecimal.ZERO.setScale(2));
            BigDecimal s = sql.getOrDefault(k, BigDecimal.ZERO.setScale(2));
            attainTotal = attainTotal.add(a);
            sqlTotal = sqlTotal.add(s);
            if (a.compareTo(s) != 0) {
                differ.add(k + " attain " + a.toPlainString() + " sql " + s.toPlainString());
            }
        }
        print("total_attain", attainTotal.toPlainString());
        print("total_sql", sqlTotal.toPlainString());
        print("payee_quarters_compared", keys.size());
        if (!differ.isEmpty() || attainLines != sqlLines) {
            throw new IllegalStateException("Attain and SQL disagree: " + differ.size() + " payee-quarters differ "
                    + differ.stream().limit(5).toList() + ", deal lines " + attainLines + " vs " + sqlLines);
        }
        print("totals_match", "yes (every payee-quarter to the cent)");
    }

    /**
     * A new deal for a random rep, sent to the bulk import endpoint (REST, API token) as a real
     * source system would; the import publishes TransactionsChanged and the calculation recomputes
     * that rep. Timed from sending the deal until the rep's earnings, read over HTTP, come from the
     * recalculated result.
     */
    private void incremental(ConfigurableApplicationContext app, JdbcClient jdbc, LocalDate today) throws Exception {
        UserAccounts users = app.getBean(UserAccounts.class);
        users.create("bench-admin", PASSWORD, null, EnumSet.of(Role.ADMIN), "bench");
        String token = app.getBean(ApiTokens.class)
                .create(users.find("bench-admin").orElseThrow(), "bench", Set.of("read", "write"))
                .secret();
        String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        record Rep(long id, String employeeId, String currency) {}
        List<Rep> reps = jdbc.sql("""
                select p.id, p.external_id, p.currency from person p join plan_assignment a on a.person_id = p.id
                where p.role_type = 'REP' and a.valid_from <= :d and (a.valid_until is null or a.valid_until > :d)
                order by p.id""")
                .param("d", today)
                .query((rs, n) -> new Rep(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
        Random random = new Random(options.seed());
        Latencies latency = new Latencies();
        Latencies postLatency = new Latencies(); // the bulk POST alone: import, then the recalculation it waits for
        for (int i = 0; i < options.deals(); i++) {
            Rep rep = reps.get(random.nextInt(reps.size()));
            String deal = """
                    {"source": "bench", "records": [{"external_id": "B%d", "close_date": "%s", "amount": "%d.00",
                      "currency": "%s", "owner": "%s", "deal_type": "expansion", "status": "won"}]}""".formatted(i, today, 5_000 + random.nextInt(50_000), rep.currency(), rep.employeeId());
            long t0 = System.nanoTime();
            int posted = WebUser.postJson(base, "/api/v1/transactions/bulk", token, deal);
            long t1 = System.nanoTime();
            int read = WebUser.getWithToken(base, "/api/v1/people/" + rep.id() + "/earnings", token);
            latency.add(System.nanoTime() - t0);
            postLatency.add(t1 - t0);
            if (posted / 100 != 2 || read != 200) {
                throw new IllegalStateException(
                        "deal B" + i + ": bulk import answered " + posted + ", earnings " + read);
            }
            if (!jdbc.sql("""
                    select exists(select 1 from earnings_line_qualifying q join payee_period_result r on r.id = q.result_id
                                  where r.is_current and r.person_id = :p and :x = any(q.qualifying))""")
                    .param("p", rep.id())
                    .param("x", "bench:B" + i)
                    .query(Boolean.class)
                    .single()) {
                throw new IllegalStateException(
                        "the new deal bench:B" + i + " is not in the current result of " + rep.id());
            }
        }
        print("recalc_deals", latency.count());
        print("recalc_p50_ms", latency.percentileMs(50));
        print("recalc_p99_ms", latency.percentileMs(99));
        print("recalc_post_p50_ms", postLatency.percentileMs(50));
        print("recalc_post_p99_ms", postLatency.percentileMs(99));
        // The incremental runs' own share of that time (started to switched current), from their records.
        Latencies runTime = new Latencies();
        jdbc.sql("""
                select extract(epoch from finished_at - started_at) * 1e9 from calc_run
                where kind = 'INCREMENTAL' and status = 'DONE' and finished_at is not null
                """).query((rs, n) -> rs.getDouble(1)).list().forEach(ns -> runTime.add(Math.round(ns)));
        print("recalc_runs", runTime.count());
        print("recalc_run_p50_ms", runTime.percentileMs(50));
        print("recalc_run_p99_ms", runTime.percentileMs(99));
        print("recalc_run_phases_p50_ms", jdbc.sql("""
                select json_build_object(
                    'snapshot', percentile_disc(0.5) within group (order by (timings->>'snapshot_ms')::bigint),
                    'load', percentile_disc(0.5) within group (order by (timings->>'load_ms')::bigint),
                    'engine', percentile_disc(0.5) within group (order by (timings->>'engine_ms')::bigint),
                    'write', percentile_disc(0.5) within group (order by (timings->>'write_ms')::bigint),
                    'current', percentile_disc(0.5) within group (order by (timings->>'current_ms')::bigint))::text
                from calc_run where kind = 'INCREMENTAL' and status = 'DONE'""").query(String.class).single());
    }

    private void dashboard(ConfigurableApplicationContext app, JdbcClient jdbc, CpuClock cpu) throws Exception {
        UserAccounts users = app.getBean(UserAccounts.class);
        String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        List<Long> reps =
                jdbc.sql("""
                select distinct r.person_id from payee_period_result r where r.is_current order by r.person_id limit :n
                """).param("n", options.users()).query(Long.class).list();
        List<LoadDriver.Target> targets = new ArrayList<>();
        for (int i = 0; i < reps.size(); i++) {
            users.create("bench-rep-" + i, PASSWORD, reps.get(i), EnumSet.of(Role.REP), "bench");
            targets.add(new LoadDriver.Target(WebUser.login(base, "bench-rep-" + i, PASSWORD), reps.get(i)));
        }
        print("load_users", targets.size());
        print("load_warmup_s", options.warmup());
        LoadDriver.Outcome o = LoadDriver.run(targets, options.warmup(), options.seconds(), cpu);
        print("load_seconds", o.seconds());
        print("load_requests", o.requests());
        print("load_throughput_rps", Math.round(o.requests() / o.seconds()));
        print("load_errors", o.errors());
        print("home_p50_ms", o.home().percentileMs(50));
        print("home_p95_ms", o.home().percentileMs(95));
        print("home_p99_ms", o.home().percentileMs(99));
        print("earnings_p50_ms", o.earnings().percentileMs(50));
        print("earnings_p95_ms", o.earnings().percentileMs(95));
        print("earnings_p99_ms", o.earnings().percentileMs(99));
        // CPU per request over the steady last two thirds: comparable on a shared machine where latency is not.
        print("load_cpu_jvm_ms_per_req", o.steady().jvmMsPerRequest());
        // Of which the request threads: without the load driver, GC and JIT, which vary from run to run.
        print("load_cpu_jvm_requests_ms_per_req", o.steady().requestThreadsMsPerRequest());
        print("load_cpu_pg_ms_per_req", o.steady().postgresMsPerRequest());
        // Of which the sessions that served the requests; the rest is autovacuum and background work.
        print("load_cpu_pg_sessions_ms_per_req", o.steady().postgresSessionsMsPerRequest());
    }

    /** Heap in use, sampled every 50 ms over the whole run (the application and this harness share the JVM). */
    private Thread heapSampler() {
        var memory = ManagementFactory.getMemoryMXBean();
        Thread t = new Thread(
                () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "bench-heap-sampler");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    static double seconds(long startedNanos) {
        return Math.round((System.nanoTime() - startedNanos) / 1e6) / 1e3;
    }

    static void print(String key, Object value) {
        System.out.println(key + "=" + (value instanceof Double d ? String.format("%.3f", d) : value));
        System.out.flush();
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete the scratch folder " + dir + ": " + e.getMessage());
        }
    }
}
