package org.attain.access;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Requests per API token: at most {@code attain.api.rate-limit.requests} (default 600) in any {@code
 * attain.api.rate-limit.window} (default one minute), spread evenly, with the whole allowance as a burst.
 * A generic cell rate algorithm: per token one instant, the theoretical arrival time of its next request,
 * so a bucket is one long and needs no timer. {@code requests=0} switches the limit off. Per instance:
 * several instances behind a balancer each allow the limit.
 */
@Component
class TokenRateLimit {

    private final Clock clock;
    private final ConcurrentMap<String, Long> nextArrival = new ConcurrentHashMap<>();
    private volatile long requests;
    private volatile Duration window;

    TokenRateLimit(
            @Value("${attain.api.rate-limit.requests:600}") long requests,
            @Value("${attain.api.rate-limit.window:1m}") Duration window,
            Clock clock) {
        this.clock = clock;
        configure(requests, window);
    }

    /** Changes the limit at run time; buckets start full again. */
    void configure(long requests, Duration window) {
        if (requests < 0 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("attain.api.rate-limit needs requests >= 0 and a positive window");
        }
        this.requests = requests;
        this.window = window;
        nextArrival.clear();
    }

    long requests() {
        return requests;
    }

    Duration window() {
        return window;
    }

    /** Takes one request of the key's allowance: 0 when allowed, otherwise the milliseconds to wait. */
    long take(String key) {
        long limit = requests;
        if (limit == 0) {
            return 0;
        }
        long windowMillis = window.toMillis();
        long interval = Math.max(1, windowMillis / limit);
        long tolerance = windowMillis - interval;
        long now = clock.millis();
        long[] wait = {0};
        nextArrival.compute(key, (k, tat) -> {
            long t = tat == null ? now : Math.max(tat, now);
            if (t - now > tolerance) {
                wait[0] = t - now - tolerance;
                return tat;
            }
            return t + interval;
        });
        return wait[0];
    }
}
