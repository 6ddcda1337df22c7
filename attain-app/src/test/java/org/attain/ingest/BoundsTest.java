package org.attain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.attain.ingest.files.Cells;
import org.attain.ingest.transactions.Attributes;
import org.junit.jupiter.api.Test;

/** The limits at the door: what a value may be, and the reason in words when it may not. */
class BoundsTest {

    @Test
    void anAmountBelowATrillionWithFourDecimalsPassesAndAnAbsurdOneIsRefusedWithItsLimit() {
        assertThat(Bounds.amount(new BigDecimal("999999999999.9999"))).isNull();
        assertThat(Bounds.amount(new BigDecimal("-999999999999.9999"))).isNull();
        assertThat(Bounds.amount(new BigDecimal("48000.000000")))
                .as("trailing zeros are no decimals")
                .isNull();
        var absurd = Bounds.amount(new BigDecimal("999999999999999.9999"));
        assertThat(absurd.code()).isEqualTo("ingest.bound.amountSize");
        assertThat(absurd.english())
                .isEqualTo(
                        "amount 999999999999999.9999 is too large: an amount must be less than 1000000000000 in size");
        assertThat(Bounds.amount(new BigDecimal("-1000000000000")).code()).isEqualTo("ingest.bound.amountSize");
        assertThat(Bounds.amount(new BigDecimal("10.12345")).english())
                .isEqualTo(
                        "amount 10.12345 has more than 4 decimal places; amounts are kept with at most 4, round it in the source system");
    }

    @Test
    void idsKeepQuotesAndCommasButNotControlCharactersOrEndlessLength() {
        assertThat(Bounds.id("=HYPERLINK(\"http://x\",\"tx\"),y")).isNull();
        assertThat(Bounds.id("006A000001; 'quoted' \\ back")).isNull();
        assertThat(Bounds.id("Zoë 🚀 深圳")).isNull();
        assertThat(Bounds.id("a\tb").english()).startsWith("the id contains the control character U+0009");
        assertThat(Bounds.id("a\u0000b").args()).containsExactly("U+0000");
        assertThat(Bounds.id("a\ud800b").args()).as("an unpaired surrogate").containsExactly("U+D800");
        assertThat(Bounds.id("x".repeat(255))).isNull();
        assertThat(Bounds.id("x".repeat(256)).english())
                .isEqualTo("the id is 256 characters long; an id has at most 255");
    }

    @Test
    void onlyCurrenciesInCirculationAreTaken() {
        assertThat(Bounds.currency("USD")).isNull();
        assertThat(Bounds.currency("EUR")).isNull();
        assertThat(Bounds.currency("JPY")).isNull();
        for (String code : new String[] {"XXX", "XTS", "XAU", "USN", "DEM", "HRK"}) {
            assertThat(Bounds.currency(code))
                    .as(code)
                    .extracting(Bounds.Refusal::code)
                    .isEqualTo("ingest.bound.currencyNotInCirculation");
        }
        assertThat(Bounds.currency("EURO").english()).isEqualTo("unknown currency 'EURO'");
    }

    @Test
    void closeDatesStayBetween1970And2199AndOtherDatesWithinFourDigitYears() {
        assertThat(Bounds.closeDate(LocalDate.of(1970, 1, 1))).isNull();
        assertThat(Bounds.closeDate(LocalDate.of(2199, 12, 31))).isNull();
        assertThat(Bounds.closeDate(LocalDate.of(1, 1, 1)).english())
                .isEqualTo("close date 0001-01-01 is outside 1970-01-01 to 2199-12-31");
        assertThat(Bounds.closeDate(LocalDate.of(2200, 1, 1))).isNotNull();
        assertThat(Bounds.date(LocalDate.of(1968, 4, 1)))
                .as("a hire date decades ago")
                .isNull();
        assertThat(Bounds.date(LocalDate.of(9999, 12, 31)))
                .as("open-ended in HR exports")
                .isNull();
        assertThat(Bounds.date(LocalDate.of(1, 1, 1))).isNotNull();
    }

    @Test
    void numbersTooLongToWriteOutAreNotPlain() {
        assertThat(Bounds.plain(new BigDecimal("12345678901234.5678"))).isTrue();
        assertThat(Bounds.plain(new BigDecimal("1e400"))).isFalse();
        assertThat(Bounds.plain(new BigDecimal("1e-400"))).isFalse();
        assertThat(Bounds.plain(new BigDecimal("1e999999999"))).isFalse();
    }

    @Test
    void aSourceWithBackslashesAndQuotesReadsBackExactlyFromTheFeedProfile() {
        for (String source : new String[] {"a\\b", "a\\q\"x", "C:\\exports\\crm", "it's \"crm\": eu", "\\"}) {
            assertThat(TransactionFeed.canonicalProfile("bulk-api", source).source())
                    .isEqualTo(source);
        }
        assertThat(Bounds.source("crm\u0000").english()).isEqualTo("the source contains the control character U+0000");
        assertThat(Bounds.source("s".repeat(101)).code()).isEqualTo("ingest.bound.sourceLength");
    }

    @Test
    void attributesAreABoundedObjectOfStorableValues() {
        assertThat(Attributes.check("{\"region\":\"EMEA\",\"seats\":12,\"tags\":[\"a\",\"b\"]}"))
                .isNull();
        assertThat(Attributes.check("[1,2]").code()).isEqualTo("ingest.bound.attributesObject");
        assertThat(Attributes.check("[1,2]").english())
                .isEqualTo("attributes must be a JSON object such as {\"region\":\"EMEA\"}, not [1,2]");
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i <= Bounds.ATTRIBUTE_COUNT; i++) {
            many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        assertThat(Attributes.check(many.append('}').toString()).english()).isEqualTo("101 attributes; at most 100");
        assertThat(Attributes.check("{\"" + "k".repeat(101) + "\":1}").code()).isEqualTo("ingest.bound.attributeName");
        assertThat(Attributes.check("{\"note\":\"" + "x".repeat(1001) + "\"}").code())
                .isEqualTo("ingest.bound.attributeValue");
        assertThat(Attributes.check("{\"note\":\"a\\u0000b\"}").code())
                .as("an escaped NUL, which jsonb refuses")
                .isEqualTo("ingest.bound.attributeStorable");
        assertThat(Attributes.check("{\"n\":1e999999999}").code()).isEqualTo("ingest.bound.attributeStorable");
    }

    @Test
    void aCellPreviewIsShortAndShowsWhatCannotBeStored() {
        assertThat(Cells.preview("x".repeat(300)))
                .hasSize(Cells.PREVIEW_LENGTH + 1)
                .endsWith("\u2026");
        assertThat(Cells.preview("a\u0000b")).isEqualTo("a\u2400b");
        assertThat(Cells.preview("🚀".repeat(150)))
                .as("a pair cut in half is not left unpaired")
                .satisfies(p -> assertThat(Cells.unstorableAt(p)).isEqualTo(-1));
        var problems =
                Cells.unstorable(java.util.List.of("Id", "Note"), new String[] {"ok", "x".repeat(Cells.MAX_LENGTH + 1)
                });
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.column()).isEqualTo("Note");
            assertThat(p.value()).hasSize(Cells.PREVIEW_LENGTH + 1);
            assertThat(p.code()).isEqualTo("ingest.bound.cellLength");
        });
    }
}
