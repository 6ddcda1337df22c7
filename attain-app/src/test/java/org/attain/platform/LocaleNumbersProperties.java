package org.attain.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * For any amount: written the way the locale writes numbers, with or without grouping, it reads
 * back as exactly the same value and scale; and what {@link LocaleNumbers#format} puts into an input
 * reads back as the same amount.
 */
class LocaleNumbersProperties {

    @Property(tries = 500)
    void aNumberTheLocaleFormatsReadsBackExactly(
            @ForAll("amounts") BigDecimal amount, @ForAll("locales") Locale locale, @ForAll boolean grouped) {
        DecimalFormat format = (DecimalFormat) NumberFormat.getNumberInstance(locale);
        format.setGroupingUsed(grouped);
        format.setMinimumFractionDigits(amount.scale());
        format.setMaximumFractionDigits(amount.scale());
        String written = format.format(amount);
        assertThat(LocaleNumbers.parse(written, locale)).as(written).contains(amount);
    }

    @Property(tries = 500)
    void whatFormatPutsIntoAnInputReadsBackAsTheSameAmount(
            @ForAll("amounts") BigDecimal amount, @ForAll("locales") Locale locale) {
        String written = LocaleNumbers.format(amount, locale);
        assertThat(LocaleNumbers.parse(written, locale).orElseThrow())
                .as(written)
                .isEqualByComparingTo(amount);
    }

    @Property(tries = 300)
    void plainDecimalsReadTheSameInEveryLocaleUnlessTheyLookLikeGermanThousands(
            @ForAll @LongRange(min = 0, max = 999_999_999_999L) long unscaled,
            @ForAll @IntRange(min = 0, max = 4) int scale,
            @ForAll("locales") Locale locale) {
        BigDecimal amount = BigDecimal.valueOf(unscaled, scale);
        String plain = amount.toPlainString();
        // "50.000" is fifty thousand on a German page: the one plain form a locale reads its own way.
        boolean groupingLookalike = plain.matches("\\d{1,3}\\.\\d{3}")
                && DecimalFormatSymbols.getInstance(locale).getGroupingSeparator() == '.';
        if (!groupingLookalike) {
            assertThat(LocaleNumbers.parse(plain, locale)).as(plain).contains(amount);
        }
    }

    @Provide
    Arbitrary<BigDecimal> amounts() {
        return Arbitraries.longs()
                .between(-999_999_999_999_999L, 999_999_999_999_999L)
                .flatMap(unscaled ->
                        Arbitraries.integers().between(0, 4).map(scale -> BigDecimal.valueOf(unscaled, scale)));
    }

    @Provide
    Arbitrary<Locale> locales() {
        return Arbitraries.of(Locale.ENGLISH, Locale.GERMAN, Locale.US, Locale.GERMANY, Locale.UK, Locale.FRANCE);
    }
}
