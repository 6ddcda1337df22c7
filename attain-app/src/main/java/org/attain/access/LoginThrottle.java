package org.attain.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@value #FREE_ATTEMPTS} failures for a login name (known or
 * not, so nothing leaks which exist) or from one address, each further attempt must wait, doubling
 * up to 15 minutes. A success clears the name's record.
 */
@Component
public class LoginThrottle {

    static final int FREE_ATTEMPTS = 5;
    private static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant last) {}

    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Seconds the caller must still wait before trying this name from this address, 0 if none. */
    public long secondsToWait(String username, String address) {
        return Math.max(waitFor(nameKey(username), FREE_ATTEMPTS), waitFor(addressKey(address), FREE_ATTEMPTS * 10));
    }

    public void failed(String username, String address) {
        if (failures.size() > MAX_TRACKED) {
            failures.clear(); // bounded memory under a flood; the limit resets rather than grows forever
        }
        Instant now = clock.instant();
        failures.merge(nameKey(username), new Failures(1, now), (a, b) -> new Failures(a.count() + 1, now));
        failures.merge(addressKey(address), new Failures(1, now), (a, b) -> new Failures(a.count() + 1, now));
    }

    public void succeeded(String username) {
        failures.remove(nameKey(username));
    }

    private long waitFor(String key, int freeAttempts) {
        Failures f = failures.get(key);
        if (f == null || f.count() < freeAttempts) {
            return 0;
        }
        long factor = 1L << Math.min(f.count() - freeAttempts, 10);
        Duration wait = FIRST_WAIT.multipliedBy(factor);
        if (wait.compareTo(LONGEST_WAIT) > 0) {
            wait = LONGEST_WAIT;
        }
        long left = Duration.between(clock.instant(), f.last().plus(wait)).toSeconds();
        return Math.max(0, left);
    }

    private static String nameKey(String username) {
        return "u:" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
    }

    // An address gets ten times the free tries of a name: a whole office may share one address.
    private static String addressKey(String address) {
        return "a:" + address;
    }
}
