package org.attain.expense;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The DATEV EXTF header line of the commission journal, field by field; pure. */
class DatevHeaderTest {

    private static DatevHeader header(String title) {
        return new DatevHeader(
                LocalDateTime.of(2027, 1, 4, 9, 30, 5, 123_000_000),
                29098,
                55003,
                LocalDate.of(2026, 4, 1),
                4,
                LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 12, 31),
                title,
                "EUR",
                "04");
    }

    @Test
    void theLineHasDatevsThirtyOneFieldsInTheirOrder() {
        assertThat(header("Provisionen 2026-10 bis 2026-12").line())
                .isEqualTo(
                        "\"EXTF\";700;21;\"Buchungsstapel\";13;20270104093005123;;\"RE\";\"\";\"\";29098;55003;20260401;4;"
                                + "20261001;20261231;\"Provisionen 2026-10 bis 2026-1\";\"\";1;0;0;\"EUR\";;\"\";;;\"04\";;;\"\";\"\"");
        assertThat(header("x").line().split(";", -1)).hasSize(31);
        assertThat(header("a \"quoted\" title").line()).contains("\"a \"\"quoted\"\" title\"");
    }

    @Test
    void theFiscalYearStartsInItsMonthBeforeOrOnTheEntriesMonth() {
        assertThat(DatevHeader.fiscalYearStart(YearMonth.of(2026, 2), 4)).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(DatevHeader.fiscalYearStart(YearMonth.of(2026, 4), 4)).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(DatevHeader.fiscalYearStart(YearMonth.of(2026, 12), 1)).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void numbersDatevWouldRefuseAreRefusedHere() {
        LocalDate d = LocalDate.of(2026, 1, 1);
        LocalDateTime t = LocalDateTime.of(2026, 1, 1, 0, 0);
        assertThatThrownBy(() -> new DatevHeader(t, 1000, 1, d, 4, d, d, "", "EUR", "03"))
                .hasMessageContaining("consultant");
        assertThatThrownBy(() -> new DatevHeader(t, 1001, 100000, d, 4, d, d, "", "EUR", "03"))
                .hasMessageContaining("client");
        assertThatThrownBy(() -> new DatevHeader(t, 1001, 1, d, 10, d, d, "", "EUR", "03"))
                .hasMessageContaining("digits");
        assertThatThrownBy(() -> new DatevHeader(t, 1001, 1, d, 4, d, d.minusDays(1), "", "EUR", "03"))
                .hasMessageContaining("end before");
    }
}
