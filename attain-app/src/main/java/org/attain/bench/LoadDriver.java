package org.attain.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load: each logged-in user (one thread each, Java 17 has no virtual threads) asks for
 * the home page and then their own earnings, again and again, for a fixed time. Anything but 200,
 * and any exception, counts as an error.
 */
final class LoadDriver {

    record Target(WebUser user, long personId) {
    }

    record Outcome(double seconds, Latencies home, Latencies earnings, long errors) {
        long requests() {
            return home.count() + earnings.count();
        }
    }

    static Outcome run(List<Target> users, int seconds) throws InterruptedException {
        Latencies home = new Latencies();
        Latencies earnings = new Latencies();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(users.size());
        long started = System.nanoTime();
        long until = started + seconds * 1_000_000_000L;
        List<Future<?>> running = new ArrayList<>();
        for (Target t : users) {
            running.add(pool.submit(() -> {
                Latencies myHome = new Latencies();
                Latencies myEarnings = new Latencies();
                while (System.nanoTime() < until) {
                    call(t.user(), "/", "text/html", myHome, errors);
                    call(t.user(), "/api/v1/people/" + t.personId() + "/earnings", "application/json", myEarnings, errors);
                }
                home.addAll(myHome);
                earnings.addAll(myEarnings);
            }));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                errors.incrementAndGet();
            }
        }
        pool.shutdown();
        return new Outcome((System.nanoTime() - started) / 1e9, home, earnings, errors.get());
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
