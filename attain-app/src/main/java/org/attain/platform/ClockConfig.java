package org.attain.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock: injected everywhere so tests can pin "today" and nothing calls now() on its own.
 *
 * <p>{@code attain.clock.today=2028-02-29} starts the clock at noon of that day and lets it run, so
 * the demo company, periods and "this quarter" are those of that day while timeouts, throttling and
 * audit times still move. Noon, because a test suite started late in the evening must not cross
 * midnight half way through; running (not frozen), because a frozen clock stops session expiry and
 * login back-off from ever ending.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfig {

    @Bean
    Clock clock(@Value("${attain.clock.today:}") String today) {
        Clock system = Clock.systemDefaultZone();
        if (today == null || today.isBlank()) {
            return system;
        }
        return startingAt(LocalDate.parse(today.strip()), system);
    }

    static Clock startingAt(LocalDate day, Clock system) {
        var noon = day.atTime(LocalTime.NOON).atZone(system.getZone()).toInstant();
        return Clock.offset(system, Duration.between(system.instant(), noon));
    }
}
