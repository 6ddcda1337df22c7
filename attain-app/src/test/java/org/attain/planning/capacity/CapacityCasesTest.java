package org.attain.planning.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attain.planning.capacity.CapacityModel.Inputs;
import org.attain.planning.capacity.CapacityModel.Quarter;
import org.attain.planning.capacity.CapacityModel.Seat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The golden capacity case of ../shared/cases/quota, numbers exactly as the case states them. */
class CapacityCasesTest {

    static final RampProfile RAMP = RampProfile.of("25/50/75/100", 15, "25", "50", "75", "100");
    static final BigDecimal FULL = new BigDecimal("50000");

    @Test
    @DisplayName("quota-02-ramp-capacity: ramp by tenure month with a mid-month cut-off, and capacity")
    void quota02RampCapacityRampsByTenureMonthWithAMidMonthCutOffAndAddsUpCapacity() {
        Seat after = hire("hired 2026-07-16", "2026-07-16");
        Seat onCutOff = hire("hired 2026-07-15", "2026-07-15");

        assertThat(quotas(after, "2026-07", "2026-11"))
                .containsExactly(
                        Map.entry("2026-07", "0.00"),
                        Map.entry("2026-08", "12500.00"),
                        Map.entry("2026-09", "25000.00"),
                        Map.entry("2026-10", "37500.00"),
                        Map.entry("2026-11", "50000.00"));
        assertThat(quotas(onCutOff, "2026-07", "2026-10"))
                .containsExactly(
                        Map.entry("2026-07", "12500.00"),
                        Map.entry("2026-08", "25000.00"),
                        Map.entry("2026-09", "37500.00"),
                        Map.entry("2026-10", "50000.00"));

        List<Seat> seats = new ArrayList<>();
        seats.add(new Seat(
                "10 ramped reps",
                LocalDate.parse("2024-01-01"),
                null,
                null,
                CapacityModel.MonthlyQuota.flat(FULL),
                10));
        seats.add(after);
        seats.add(onCutOff);
        List<YearMonth> months = List.of(YearMonth.parse("2026-10"), YearMonth.parse("2026-11"));
        var result = CapacityModel.compute(new Inputs(
                months, List.of(new Quarter("2026-Q4", months)), seats, List.of(), new BigDecimal("0.8"), Map.of()));

        assertThat(result.months())
                .extracting(l -> l.period() + " " + l.capacity().toPlainString())
                .containsExactly("2026-10 470000.00", "2026-11 480000.00");
        assertThat(result.quarters().get(0).capacity()).isEqualByComparingTo("950000.00");
    }

    private static Seat hire(String label, String date) {
        return new Seat(label, LocalDate.parse(date), null, RAMP, CapacityModel.MonthlyQuota.flat(FULL), 1);
    }

    private static Map<String, String> quotas(Seat seat, String from, String to) {
        Map<String, String> out = new LinkedHashMap<>();
        for (YearMonth m = YearMonth.parse(from); !m.isAfter(YearMonth.parse(to)); m = m.plusMonths(1)) {
            out.put(
                    m.toString(),
                    seat.carried(m).setScale(2, RoundingMode.HALF_EVEN).toPlainString());
        }
        return out;
    }
}
