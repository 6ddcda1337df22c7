package org.attain.engine.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An ISO 4217 currency and the number of digits of its minor unit.
 *
 * <p>The minor unit decides where a statement line is rounded; keeping it on the currency (not in a
 * global setting) lets JPY and USD lines sit side by side in one run.
 */
public record CurrencyUnit(String code, int minorDigits) implements java.io.Serializable {

    public CurrencyUnit {
        Objects.requireNonNull(code, "code");
        if (!threeCapitals(code)) {
            throw new IllegalArgumentException("currency code must be three capital letters: " + code);
        }
        if (minorDigits < 0 || minorDigits > 6) {
            throw new IllegalArgumentException("minor digits out of range for " + code + ": " + minorDigits);
        }
    }

    // By hand: String.matches compiles a pattern per call, and a run makes a unit per transaction.
    private static boolean threeCapitals(String code) {
        return code.length() == 3
                && isCapital(code.charAt(0))
                && isCapital(code.charAt(1))
                && isCapital(code.charAt(2));
    }

    private static boolean isCapital(char c) {
        return c >= 'A' && c <= 'Z';
    }

    /** The currency with the minor unit ISO 4217 defines, or two digits for codes the JDK does not know. */
    public static CurrencyUnit of(String code) {
        try {
            int digits = Currency.getInstance(code).getDefaultFractionDigits();
            return new CurrencyUnit(code, Math.max(digits, 0));
        } catch (IllegalArgumentException unknownToJdk) {
            return new CurrencyUnit(code, 2);
        }
    }

    /** Rounds once, HALF_EVEN, to this currency's minor unit: the only place a statement amount is rounded. */
    public BigDecimal round(BigDecimal amount) {
        return amount.setScale(minorDigits, RoundingMode.HALF_EVEN);
    }

    @Override
    public String toString() {
        return code;
    }
}
