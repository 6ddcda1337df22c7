package org.attain.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The warm-up computes, packs and fingerprints its invented company in memory, without a database. */
class CalcWarmUpTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void aRoundComputesEveryInventedPayeeAndTouchesNoDatabase() {
        // No JdbcClient and no DataSource: a warm-up that read or wrote anything would fail here.
        ResultWriter writer = new ResultWriter(null, JsonMapper.builder().build(), null, null);
        CalcWarmUp warmUp = new CalcWarmUp(true, false, clock, writer);

        assertThat(warmUp.run(1)).isEqualTo(1);
        // 100 payees, eight quarters of the last and this year, one commission line each.
        assertThat(warmUp.lines).isEqualTo(100 * 8);
    }

    @Test
    void theCliAndATestSwitchItOff() {
        ResultWriter writer = new ResultWriter(null, JsonMapper.builder().build(), null, null);
        CalcWarmUp headless = new CalcWarmUp(true, true, clock, writer);
        headless.startInBackground();
        CalcWarmUp off = new CalcWarmUp(false, false, clock, writer);
        off.startInBackground();
        assertThat(headless.rounds).isZero();
        assertThat(off.rounds).isZero();
    }
}
