package org.attain.planning.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.attain.planning.capacity.CapacityModel.Inputs;
import org.attain.planning.capacity.CapacityModel.Leavers;
import org.attain.planning.capacity.CapacityModel.MonthlyQuota;
import org.attain.planning.capacity.CapacityModel.Quarter;
import org.attain.planning.capacity.CapacityModel.Seat;
import org.junit.jupiter.api.Test;

/** Leavers, targets and gaps, quarters adding up their months, and ramp profiles refused with a reason each. */
class CapacityModelTest {

    static final List<YearMonth> Q4 =
            List.of(YearMonth.parse("2026-10"), YearMonth.parse("2026-11"), YearMonth.parse("2026-12"));

    @Test
    void aLeaverCountsInTheirLastMonthOnlyWhenLeavingAfterTheFifteenth() {
        Seat late = new Seat(
                "late",
                LocalDate.parse("2020-01-01"),
                LocalDate.parse("2026-11-16"),
                null,
                MonthlyQuota.flat(new BigDecimal("1000")),
                1);
        Seat early = new Seat(
                "early",
                LocalDate.parse("2020-01-01"),
                LocalDate.parse("2026-11-15"),
                null,
                MonthlyQuota.flat(new BigDecimal("1000")),
                1);
        assertThat(Q4.stream().map(late::carried).map(BigDecimal::intValue)).containsExactly(1000, 1000, 0);
        assertThat(Q4.stream().map(early::carried).map(BigDecimal::intValue)).containsExactly(1000, 0, 0);
    }

    @Test
    void plannedLeaversByCountTakeTheirQuotaAwayAndTheGapComparesWithTheTarget() {
        Seat team = new Seat(
                "team", LocalDate.parse("2020-01-01"), null, null, MonthlyQuota.flat(new BigDecimal("10000")), 5);
        Leavers two = new Leavers("two", 2, LocalDate.parse("2026-10-31"), MonthlyQuota.flat(new BigDecimal("10000")));
        var result = CapacityModel.compute(new Inputs(
                Q4,
                List.of(new Quarter("2026-Q4", Q4)),
                List.of(team),
                List.of(two),
                new BigDecimal("0.9"),
                Map.of(YearMonth.parse("2026-12"), new BigDecimal("30000"))));
        assertThat(result.months())
                .extracting(l -> l.capacity().toPlainString())
                .containsExactly("45000.00", "27000.00", "27000.00");
        assertThat(result.months()).extracting(l -> l.seats().toPlainString()).containsExactly("5.00", "3.00", "3.00");
        assertThat(result.months().get(0).gap()).as("no target, no gap").isNull();
        assertThat(result.months().get(2).gap()).isEqualByComparingTo("-3000");
        assertThat(result.quarters().get(0).capacity()).isEqualByComparingTo("99000");
        assertThat(result.quarters().get(0).target()).isEqualByComparingTo("30000");
    }

    @Test
    void aRampProfileMustHavePercentagesFromZeroToHundredEndingAtHundred() {
        assertThat(RampProfile.of("ok", 15, "25", "50", "75", "100").problems(""))
                .isEmpty();
        assertThat(RampProfile.of("over", 15, "50", "120", "100").problems(""))
                .extracting(CapacityProblem::field)
                .containsExactly("percents[2]");
        assertThat(RampProfile.of("negative", 15, "-5", "100").problems(""))
                .extracting(CapacityProblem::code)
                .containsExactly("capacity.ramp.percent.range");
        assertThat(RampProfile.of("short", 15, "25", "50", "75").problems(""))
                .extracting(CapacityProblem::code)
                .containsExactly("capacity.ramp.percents.end");
        assertThat(RampProfile.of("", 0, "100").problems(""))
                .extracting(CapacityProblem::field)
                .containsExactly("name", "cutoffDay");
    }
}
