package org.attain.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A number typed on a page is read in the page's language, exactly, or refused; never guessed. */
class LocaleNumbersTest {

    private static final Locale EN = Locale.ENGLISH;
    private static final Locale DE = Locale.GERMAN;

    @ParameterizedTest(name = "\"{0}\" on an English page is {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "50,000       | 50000",
                "50,000.50    | 50000.50",
                "50000        | 50000",
                "50000.5      | 50000.5",
                "1,234,567.89 | 1234567.89",
                "0.5          | 0.5",
                "007          | 7",
                "50 000       | 50000",
                "50\u00a0000.25 | 50000.25",
                "-99.50       | -99.50",
                "\u221299.50  | -99.50",
                "+12          | 12",
                "50.000       | 50.000",
                "'  42  '     | 42"
            })
    void englishPagesReadACommaAsThousandsAndAPointAsDecimals(String typed, String expected) {
        assertThat(LocaleNumbers.parse(typed, EN)).contains(new BigDecimal(expected));
    }

    @ParameterizedTest(name = "\"{0}\" on a German page is {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "50.000       | 50000",
                "50.000,50    | 50000.50",
                "50000        | 50000",
                "50000.5      | 50000.5",
                "50000,5      | 50000.5",
                "1.234.567,89 | 1234567.89",
                "123.456      | 123456",
                "0,5          | 0.5",
                "12.34        | 12.34",
                "1234.567     | 1234.567",
                "50 000,25    | 50000.25",
                "50\u202f000  | 50000",
                "-99,50       | -99.50",
                "50,000       | 50.000",
                "5.0000       | 5.0000"
            })
    void germanPagesReadAPointAsThousandsAndACommaAsDecimals(String typed, String expected) {
        assertThat(LocaleNumbers.parse(typed, DE)).contains(new BigDecimal(expected));
    }

    @Test
    void theDecimalsTypedAreKeptAsTheScale() {
        assertThat(LocaleNumbers.parse("50.000,50", DE).orElseThrow().scale()).isEqualTo(2);
        assertThat(LocaleNumbers.parse("50,000", DE).orElseThrow().scale()).isEqualTo(3);
        assertThat(LocaleNumbers.parse("50.000", DE).orElseThrow().scale()).isZero();
    }

    @ParameterizedTest(name = "\"{0}\" is no number on an English page")
    @ValueSource(
            strings = {
                "",
                "   ",
                "abc",
                "1.2.3",
                "50,00",
                "5,0000",
                "1,23,456",
                ",500",
                "1234,567",
                "50000.",
                "50.000,50",
                ".5",
                "1e5",
                "NaN",
                "Infinity",
                "--5",
                "- 5",
                "5-",
                "$50",
                "50 USD",
                "1 234,567",
                "1,234 567",
                "\u0665\u0660",
                "0x10",
                "12_000"
            })
    void englishPagesRefuse(String typed) {
        assertThat(LocaleNumbers.parse(typed, EN)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" is no number on a German page")
    @ValueSource(
            strings = {
                "",
                "abc",
                "1.2.3",
                "50.00,5",
                "1.23.456",
                "50,000.50",
                "50.000,",
                ",5",
                "1,2,3",
                "1.234.56",
                "50 000.000",
                "1e5",
                "€ 50"
            })
    void germanPagesRefuse(String typed) {
        assertThat(LocaleNumbers.parse(typed, DE)).isEmpty();
    }

    @Test
    void nothingAndOverlongTextAreNoNumber() {
        assertThat(LocaleNumbers.parse(null, EN)).isEmpty();
        assertThat(LocaleNumbers.parse("9".repeat(101), EN)).isEmpty();
        assertThat(LocaleNumbers.parse("9".repeat(100), EN)).isPresent();
    }

    @Test
    void anAmountWithMoreThanTwoDecimalsIsRefusedSoGerman50Comma000CannotPassForFifty() {
        assertThatThrownBy(() -> LocaleNumbers.amount("amount", "50,000", DE))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        new FieldProblem("amount", "number.decimals", "has more than 2 decimals")));
        assertThatThrownBy(() -> LocaleNumbers.amount("amount", "50.000", EN))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("number.decimals"));
    }

    @Test
    void anUnreadableAmountNamesItsFieldAndShowsHowToWriteIt() {
        assertThatThrownBy(() -> LocaleNumbers.amount("rows[3].amount", "1.2.3", DE))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(new FieldProblem(
                                        "rows[3].amount",
                                        "number.unreadable",
                                        "is not a number; write it like 50000.50 or 50.000,50")));
    }

    @Test
    void anAmountAtTheStorageLimitIsRefused() {
        assertThatThrownBy(() -> LocaleNumbers.amount("amount", "1.000.000.000.000.000", DE))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("number.tooLarge"));
        assertThat(LocaleNumbers.amount("amount", "999.999.999.999.999,99", DE))
                .isEqualByComparingTo("999999999999999.99");
    }

    @Test
    void aBlankAmountIsNullForTheCallerToRequireOrNot() {
        assertThat(LocaleNumbers.amount("amount", "  ", EN)).isNull();
        assertThat(LocaleNumbers.amount("amount", null, EN)).isNull();
        assertThat(LocaleNumbers.amount("amount", "-250,00", DE)).isEqualTo(new BigDecimal("-250.00"));
    }

    @Test
    void amountsAreFormattedForAnInputGroupedWithEveryDecimalTheyHave() {
        assertThat(LocaleNumbers.format(new BigDecimal("120000.0000"), DE)).isEqualTo("120.000");
        assertThat(LocaleNumbers.format(new BigDecimal("120000.5000"), DE)).isEqualTo("120.000,50");
        assertThat(LocaleNumbers.format(new BigDecimal("1234.5678"), EN)).isEqualTo("1,234.5678");
        assertThat(LocaleNumbers.format(new BigDecimal("1.234"), DE)).isEqualTo("1,234");
        assertThat(LocaleNumbers.format(new BigDecimal("1E+3"), EN)).isEqualTo("1,000");
        assertThat(LocaleNumbers.format(null, EN)).isEmpty();
    }
}
