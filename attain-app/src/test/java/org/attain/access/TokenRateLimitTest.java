package org.attain.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The per-token allowance on a clock the test moves: a burst of the whole allowance, then one per interval. */
class TokenRateLimitTest {

    private Instant now = Instant.parse("2026-12-05T12:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void theWholeAllowanceAtOnceThenOneRequestPerInterval() {
        TokenRateLimit limit = new TokenRateLimit(4, Duration.ofMinutes(1), clock);
        for (int i = 0; i < 4; i++) {
            assertThat(limit.take("a")).as("request %s", i + 1).isZero();
        }
        assertThat(limit.take("a")).isEqualTo(15_000);
        now = now.plusSeconds(10);
        assertThat(limit.take("a")).isEqualTo(5_000);
        now = now.plusSeconds(5);
        assertThat(limit.take("a")).isZero();
        assertThat(limit.take("a")).isEqualTo(15_000);
    }

    @Test
    void eachTokenHasItsOwnAllowance() {
        TokenRateLimit limit = new TokenRateLimit(1, Duration.ofHours(1), clock);
        assertThat(limit.take("a")).isZero();
        assertThat(limit.take("a")).isEqualTo(3_600_000);
        assertThat(limit.take("b")).isZero();
    }

    @Test
    void refusedRequestsDoNotUseTheAllowance() {
        TokenRateLimit limit = new TokenRateLimit(2, Duration.ofMinutes(1), clock);
        limit.take("a");
        limit.take("a");
        for (int i = 0; i < 100; i++) {
            assertThat(limit.take("a")).isPositive();
        }
        now = now.plusSeconds(30);
        assertThat(limit.take("a")).isZero();
    }

    @Test
    void zeroRequestsSwitchesTheLimitOff() {
        TokenRateLimit limit = new TokenRateLimit(0, Duration.ofMinutes(1), clock);
        for (int i = 0; i < 10_000; i++) {
            assertThat(limit.take("a")).isZero();
        }
    }
}
