package org.attain.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load: each logged-in user (one thread each, Java 17 has no virtual threads) asks for
 * the home page and then their own earnings, again and again, for a fixed time, over its own kept-alive
 * connection. Anything but 200, and any exception, counts as an error.
 */
final class LoadDriver {

    record Target(WebUser user, long personId) {}

    /**
     * CPU per request over the steady part of the run (from a third of the time to the end, after
     * the JIT has warmed up): what the application, the driver and PostgreSQL cost per request,
     * whatever else the machine is doing.
     */
    record Steady(long requests, CpuClock.Reading cpu) {
        double jvmMsPerRequest() {
            return requests == 0 ? 0 : cpu.jvmSeconds() * 1000 / requests;
        }

        double postgresMsPerRequest() {
            return requests == 0 ? 0 : cpu.postgresSeconds() * 1000 / requests;
        }

        /** Of {@link #jvmMsPerRequest}, what the threads serving the requests used. */
        double requestThreadsMsPerRequest() {
            return requests == 0 ? 0 : cpu.requestThreadSeconds() * 1000 / requests;
        }

        /** Of {@link #postgresMsPerRequest}, what the sessions serving the requests used (the rest: autovacuum, background). */
        double postgresSessionsMsPerRequest() {
            return requests == 0 ? 0 : cpu.postgresSessionSeconds() * 1000 / requests;
        }
    }

    record Outcome(double seconds, Latencies home, Latencies earnings, long errors, Steady steady) {
        long requests() {
            return home.count() + earnings.count();
        }
    }

    /**
     * {@code warmupSeconds} of the same load first, not recorded (errors still count), then
     * {@code seconds} measured.
     */
    static Outcome run(List<Target> users, int warmupSeconds, int seconds, CpuClock cpu) throws InterruptedException {
        Latencies home = new Latencies();
        Latencies earnings = new Latencies();
        AtomicLong errors = new AtomicLong();
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(users.size());
        long warmupUntil = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        List<Future<?>> running = new ArrayList<>();
        for (Target t : users) {
            String earningsPath = "/api/v1/people/" + t.personId() + "/earnings";
            running.add(pool.submit(() -> {
                Latencies discarded = new Latencies();
                while (System.nanoTime() < warmupUntil) {
                    call(t.user(), "/", "text/html", discarded, errors);
                    call(t.user(), earningsPath, "application/json", discarded, errors);
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                errors.incrementAndGet();
            }
        }
        running.clear();
        long started = System.nanoTime();
        long until = started + seconds * 1_000_000_000L;
        for (Target t : users) {
            String earningsPath = "/api/v1/people/" + t.personId() + "/earnings";
            running.add(pool.submit(() -> {
                Latencies myHome = new Latencies();
                Latencies myEarnings = new Latencies();
                while (System.nanoTime() < until) {
                    call(t.user(), "/", "text/html", myHome, errors);
                    call(t.user(), earningsPath, "application/json", myEarnings, errors);
                    done.addAndGet(2);
                }
                t.user().close();
                home.addAll(myHome);
                earnings.addAll(myEarnings);
            }));
        }
        Thread.sleep(Math.max(0, (started + seconds * 1_000_000_000L / 3 - System.nanoTime()) / 1_000_000));
        long doneAtMark = done.get();
        CpuClock.Reading cpuAtMark = cpu.read();
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                errors.incrementAndGet();
            }
        }
        Steady steady = new Steady(done.get() - doneAtMark, cpu.read().minus(cpuAtMark));
        pool.shutdown();
        return new Outcome((System.nanoTime() - started) / 1e9, home, earnings, errors.get(), steady);
    }

    private static void call(WebUser user, String path, String accept, Latencies into, AtomicLong errors) {
        long t0 = System.nanoTime();
        try {
            int status = user.get(path, accept);
            into.add(System.nanoTime() - t0);
            if (status != 200) {
                errors.incrementAndGet();
            }
        } catch (Exception e) {
            into.add(System.nanoTime() - t0);
            errors.incrementAndGet();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
