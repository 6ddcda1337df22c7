package org.attain.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU seconds used by this JVM and by the benchmark's own PostgreSQL (postmaster, its backends and
 * the backends it has already reaped), read from /proc. On a machine shared with other jobs the wall
 * clock of a phase says more about the neighbours than about Attain; the CPU it used does not.
 * Where /proc is missing (not Linux) PostgreSQL's CPU reads as 0.
 *
 * <p>Of PostgreSQL's CPU, the part spent by the sessions (backends serving connections, alive at both
 * readings or started between them) is told apart from the rest: autovacuum workers, the checkpointer
 * and the other background processes, and whatever exited in between. After a large load or run,
 * autovacuum can take a share of the cores that no request asked for.
 */
final class CpuClock {

    /**
     * CPU seconds so far; {@code sessionTicks} per live session backend (pid to ticks) and {@code
     * requestThreadNanos} per live Tomcat request thread (thread id to CPU nanoseconds), to subtract exactly.
     */
    record Reading(
            double jvmSeconds,
            double postgresSeconds,
            java.util.Map<Long, Long> sessionTicks,
            java.util.Map<Long, Long> requestThreadNanos) {

        /** The difference; a session's or thread's CPU counts from 0 when it started after {@code earlier}. */
        Reading minus(Reading earlier) {
            java.util.Map<Long, Long> delta = new java.util.HashMap<>();
            sessionTicks.forEach((pid, ticks) -> delta.put(pid, ticks - earlier.sessionTicks.getOrDefault(pid, 0L)));
            java.util.Map<Long, Long> threads = new java.util.HashMap<>();
            requestThreadNanos.forEach(
                    (id, nanos) -> threads.put(id, nanos - earlier.requestThreadNanos.getOrDefault(id, 0L)));
            return new Reading(
                    jvmSeconds - earlier.jvmSeconds, postgresSeconds - earlier.postgresSeconds, delta, threads);
        }

        /**
         * CPU of the threads that serve HTTP requests (Tomcat's {@code http-nio-*} threads): the
         * application's own work per request, without the load driver, garbage collection and the JIT
         * compiler, which the JVM's total includes and which vary from run to run on a busy machine.
         */
        double requestThreadSeconds() {
            return requestThreadNanos.values().stream()
                            .mapToLong(Long::longValue)
                            .sum()
                    / 1e9;
        }

        /** CPU of the session backends: the statements' own cost. */
        double postgresSessionSeconds() {
            return sessionTicks.values().stream().mapToLong(Long::longValue).sum() / TICKS_PER_SECOND;
        }
    }

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private final Path dataDirectory;

    CpuClock(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    Reading read() {
        double jvm = 0;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            jvm = os.getProcessCpuTime() / 1e9;
        }
        java.util.Map<Long, Long> sessions = new java.util.HashMap<>();
        return new Reading(jvm, postgresTicks(sessions) / TICKS_PER_SECOND, sessions, requestThreads());
    }

    private static java.util.Map<Long, Long> requestThreads() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        java.util.Map<Long, Long> nanos = new java.util.HashMap<>();
        if (!threads.isThreadCpuTimeSupported()) {
            return nanos;
        }
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("http-nio")) {
                long cpu = threads.getThreadCpuTime(t.getId());
                if (cpu >= 0) {
                    nanos.put(t.getId(), cpu);
                }
            }
        }
        return nanos;
    }

    private long postgresTicks(java.util.Map<Long, Long> sessions) {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                    .get(0)
                    .trim());
            long ticks = 0;
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path p : procs.filter(
                                p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                        .toList()) {
                    List<String> f = fields(p.resolve("stat"));
                    if (f.size() < 17) {
                        continue;
                    }
                    long pid = Long.parseLong(p.getFileName().toString());
                    long parent = Long.parseLong(f.get(3));
                    if (pid == postmaster) {
                        ticks += Long.parseLong(f.get(13))
                                + Long.parseLong(f.get(14))
                                + Long.parseLong(f.get(15))
                                + Long.parseLong(f.get(16));
                    } else if (parent == postmaster) {
                        long own = Long.parseLong(f.get(13)) + Long.parseLong(f.get(14));
                        ticks += own;
                        if (isSession(p)) {
                            sessions.put(pid, own);
                        }
                    }
                }
            }
            return ticks;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    // A backend's title is "postgres: USER DATABASE HOST(PORT) STATE"; background processes name
    // themselves ("postgres: autovacuum worker ...", "postgres: checkpointer", ...).
    private static final java.util.regex.Pattern SESSION_TITLE =
            java.util.regex.Pattern.compile("postgres: \\S+ \\S+ (\\[local\\]|\\S+\\(\\d+\\))( .*)?");

    private static boolean isSession(Path proc) {
        try {
            String title =
                    Files.readString(proc.resolve("cmdline")).replace('\0', ' ').trim();
            return SESSION_TITLE.matcher(title).matches() && !title.contains("autovacuum");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The fields of /proc/PID/stat, with the command name (which may hold spaces) as one field. */
    private static List<String> fields(Path stat) {
        try {
            String s = Files.readString(stat);
            int close = s.lastIndexOf(')');
            List<String> out = new java.util.ArrayList<>();
            out.add(s.substring(0, s.indexOf(' ')));
            out.add(s.substring(s.indexOf('(') + 1, close));
            out.addAll(List.of(s.substring(close + 2).trim().split(" ")));
            return out;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
