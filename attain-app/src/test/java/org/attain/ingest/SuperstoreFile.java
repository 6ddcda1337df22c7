package org.attain.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The Superstore file read with a plain CSV parser and summed with BigDecimal: nothing of the import
 * path, the calendar or the engine, so the tests compare the app against an answer it had no hand in.
 */
final class SuperstoreFile {

    static final Path FILE = Path.of("src/test/resources/realdata/superstore.csv");

    private SuperstoreFile() {}

    /** Sales per payee ("superstore-central" …), as the file states them. */
    static Map<String, BigDecimal> salesByRegion() {
        Map<String, BigDecimal> sums = new TreeMap<>();
        each((r, date) -> sums.merge(payee(r), new BigDecimal(r.get("Sales")), BigDecimal::add));
        sums.replaceAll((k, v) -> v.stripTrailingZeros());
        return sums;
    }

    /**
     * A flat {@code rate} per payee and calendar quarter ("superstore-east 2015-Q2"), rounded once per
     * payee and quarter to the cent, HALF_EVEN: one statement line per payee-period, as a plan pays.
     */
    static Map<String, BigDecimal> commissionByPayeeAndQuarter(BigDecimal rate) {
        Map<String, BigDecimal> sales = new TreeMap<>();
        each((r, date) -> sales.merge(
                payee(r) + " " + date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1),
                new BigDecimal(r.get("Sales")),
                BigDecimal::add));
        sales.replaceAll((k, v) -> v.multiply(rate).setScale(2, RoundingMode.HALF_EVEN));
        return sales;
    }

    /** Order lines per calendar year of their order date. */
    static Map<Integer, Long> linesByYear() {
        Map<Integer, Long> counts = new TreeMap<>();
        each((r, date) -> counts.merge(date.getYear(), 1L, Long::sum));
        return counts;
    }

    private static String payee(CSVRecord r) {
        return "superstore-" + r.get("Region").toLowerCase(Locale.ROOT);
    }

    private static void each(BiConsumer<CSVRecord, LocalDate> line) {
        try (Reader in = Files.newBufferedReader(FILE, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)) {
                line.accept(r, LocalDate.parse(r.get("Order Date")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
