package org.attain.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic, on a clock the test moves. */
class LoginThrottleTest {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-03-01T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MovableClock clock = new MovableClock();
    final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void fiveFailuresAreFreeTheSixthWaitsThirtySeconds() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("Rep", "10.0.0.1");
        }
        assertThat(throttle.secondsToWait("rep", "10.0.0.1")).isZero();
        throttle.failed("rep", "10.0.0.1");
        assertThat(throttle.secondsToWait("REP ", "10.0.0.1")).isEqualTo(30);
        clock.now = clock.now.plus(Duration.ofSeconds(31));
        assertThat(throttle.secondsToWait("rep", "10.0.0.1")).isZero();
    }

    @Test
    void theWaitDoublesAndIsCappedAtFifteenMinutes() {
        for (int i = 0; i < 6; i++) {
            throttle.failed("rep", "10.0.0.2");
        }
        assertThat(throttle.secondsToWait("rep", "10.0.0.2")).isEqualTo(60);
        for (int i = 0; i < 20; i++) {
            throttle.failed("rep", "10.0.0.2");
        }
        assertThat(throttle.secondsToWait("rep", "10.0.0.2")).isEqualTo(900);
    }

    @Test
    void aSuccessClearsTheNameButNotOtherNames() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("rep", "10.0.0.3");
            throttle.failed("manager", "10.0.0.4");
        }
        throttle.succeeded("rep");
        assertThat(throttle.secondsToWait("rep", "10.0.0.9")).isZero();
        assertThat(throttle.secondsToWait("manager", "10.0.0.9")).isPositive();
    }
}
