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
 */
final class CpuClock {

    record Reading(double jvmSeconds, double postgresSeconds) {
        Reading minus(Reading earlier) {
            return new Reading(jvmSeconds - earlier.jvmSeconds, postgresSeconds - earlier.postgresSeconds);
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
        return new Reading(jvm, postgresTicks() / TICKS_PER_SECOND);
    }

    private long postgresTicks() {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
            long ticks = 0;
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                    List<String> f = fields(p.resolve("stat"));
                    if (f.size() < 17) {
                        continue;
                    }
                    long pid = Long.parseLong(p.getFileName().toString());
                    long parent = Long.parseLong(f.get(3));
                    if (pid == postmaster) {
                        ticks += Long.parseLong(f.get(13)) + Long.parseLong(f.get(14)) + Long.parseLong(f.get(15))
                                + Long.parseLong(f.get(16));
                    } else if (parent == postmaster) {
                        ticks += Long.parseLong(f.get(13)) + Long.parseLong(f.get(14));
                    }
                }
            }
            return ticks;
        } catch (IOException | RuntimeException e) {
            return 0;
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
