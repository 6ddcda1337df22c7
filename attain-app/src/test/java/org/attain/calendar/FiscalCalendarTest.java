package org.attain.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Months, quarters and years for calendar and shifted fiscal years, including February in leap years. */
class FiscalCalendarTest {

    @Test
    void aJanuaryYearHasPlainNames() {
        var cal = new FiscalCalendar(1);
        var q1 = cal.periodContaining(LocalDate.of(2026, 2, 14), PeriodKind.QUARTER);
        assertThat(q1.id()).isEqualTo("2026-Q1");
        assertThat(q1.startsOn()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(q1.endsOn()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(cal.periodsOf(2026)).hasSize(17);
    }

    @Test
    void aFebruaryStartNamesTheYearItEndsIn() {
        var cal = new FiscalCalendar(2);
        assertThat(cal.fiscalYearOf(LocalDate.of(2026, 2, 1))).isEqualTo(2027);
        assertThat(cal.fiscalYearOf(LocalDate.of(2026, 1, 31))).isEqualTo(2026);
        var q4 = cal.periodContaining(LocalDate.of(2027, 1, 15), PeriodKind.QUARTER);
        assertThat(q4.id()).isEqualTo("2027-Q4");
        assertThat(q4.startsOn()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(q4.endsOn()).isEqualTo(LocalDate.of(2027, 1, 31));
    }

    @Test
    void februaryOfALeapYearEndsOnThe29th() {
        var feb = new FiscalCalendar(1).periodContaining(LocalDate.of(2028, 2, 10), PeriodKind.MONTH);
        assertThat(feb.id()).isEqualTo("2028-02");
        assertThat(feb.endsOn()).isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    void quartersTileTheYearWithoutGapsOrOverlaps() {
        var cal = new FiscalCalendar(7);
        var quarters = cal.periodsOf(2027).stream()
                .filter(p -> p.kind() == PeriodKind.QUARTER)
                .toList();
        for (int i = 1; i < quarters.size(); i++) {
            assertThat(quarters.get(i).startsOn())
                    .isEqualTo(quarters.get(i - 1).endsOn().plusDays(1));
        }
        assertThat(quarters.get(3).endsOn())
                .isEqualTo(cal.periodsOf(2027).get(0).endsOn());
    }

    @Test
    void aStartMonthOutsideTheYearIsRefused() {
        assertThatThrownBy(() -> new FiscalCalendar(13)).hasMessageContaining("1..12");
    }
}
