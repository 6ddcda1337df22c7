package org.attain.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.attain.engine.time.PeriodId;
import org.junit.jupiter.api.Test;

/** Which months and quarters a chosen range covers, and the ranges a run refuses. */
class PeriodRangeTest {

    private static final FiscalCalendar JANUARY = new FiscalCalendar(1);

    @Test
    void aYearOfMonthsCoversItsTwelveMonthsAndFourQuarters() {
        PeriodRange r = PeriodRange.parse(JANUARY, "2017-01", "2017-12");
        assertThat(r.periods())
                .hasSize(16)
                .startsWith(PeriodId.parse("2017-Q1"), PeriodId.parse("2017-01"))
                .endsWith(
                        PeriodId.parse("2017-Q4"),
                        PeriodId.parse("2017-10"),
                        PeriodId.parse("2017-11"),
                        PeriodId.parse("2017-12"));
        assertThat(r.first()).isEqualTo(LocalDate.of(2017, 1, 1));
        assertThat(r.last()).isEqualTo(LocalDate.of(2017, 12, 31));
    }

    @Test
    void quartersAndYearsAreReadAsTheirMonthsAndOneBoundAloneIsThatPeriod() {
        assertThat(PeriodRange.parse(JANUARY, "2017-Q1", "2017").periods())
                .isEqualTo(PeriodRange.parse(JANUARY, "2017-01", "2017-12").periods());
        assertThat(PeriodRange.parse(JANUARY, "2017-Q2", null).periods())
                .containsExactly(
                        PeriodId.parse("2017-Q2"),
                        PeriodId.parse("2017-04"),
                        PeriodId.parse("2017-05"),
                        PeriodId.parse("2017-06"));
    }

    @Test
    void aPartlyChosenQuarterIsCalculatedWholeButOnlyTheChosenMonths() {
        PeriodRange r = PeriodRange.parse(JANUARY, "2017-02", "2017-02");
        assertThat(r.periods()).containsExactly(PeriodId.parse("2017-Q1"), PeriodId.parse("2017-02"));
        assertThat(r.coveredFrom(JANUARY)).isEqualTo(LocalDate.of(2017, 1, 1));
        assertThat(r.coveredTo(JANUARY)).isEqualTo(LocalDate.of(2017, 3, 31));
    }

    @Test
    void aFebruaryFiscalYearNamesTheYearItEndsIn() {
        var february = new FiscalCalendar(2);
        PeriodRange r = PeriodRange.parse(february, "2018", "2018");
        assertThat(r.first()).isEqualTo(LocalDate.of(2017, 2, 1));
        assertThat(r.last()).isEqualTo(LocalDate.of(2018, 1, 31));
        assertThat(r.periods()).startsWith(PeriodId.parse("2018-Q1"), PeriodId.parse("2017-02"));
    }

    @Test
    void aReversedRangeIsRefusedNamingBothPeriods() {
        assertThatThrownBy(() -> PeriodRange.parse(JANUARY, "2017-12", "2017-01"))
                .isInstanceOf(PeriodRange.Refused.class)
                .hasMessageContaining("to the range runs backwards: 2017-01 ends before 2017-12 starts");
    }

    @Test
    void anUnreadableOrImplausiblePeriodIsRefusedNamingItsField() {
        assertThatThrownBy(() -> PeriodRange.parse(JANUARY, "2017-13", "2017-12"))
                .hasMessageContaining("from '2017-13' is not a period");
        assertThatThrownBy(() -> PeriodRange.parse(JANUARY, "2017-01", "Q1"))
                .hasMessageContaining("to 'Q1' is not a period");
        assertThatThrownBy(() -> PeriodRange.parse(JANUARY, "1917", "1917"))
                .hasMessageContaining("outside the years 1970 to 2199");
        assertThatThrownBy(() -> PeriodRange.parse(JANUARY, " ", null)).hasMessageContaining("give the first period");
    }

    @Test
    void moreThanTenFiscalYearsAreRefused() {
        assertThat(PeriodRange.parse(JANUARY, "2008-01", "2017-12").periods()).hasSize(160);
        assertThatThrownBy(() -> PeriodRange.parse(JANUARY, "2007-12", "2017-01"))
                .hasMessageContaining("spans 11 fiscal years; a run covers at most 10");
    }
}
