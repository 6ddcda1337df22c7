package org.attain.expense;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The commission journal over real HTTP: closing a period posts its months and freezes them (a later policy change
 * leaves the posted lines as they were and books the difference as corrections in the next open month, and the
 * database refuses to change a posted line); the journal comes as XLSX and as a DATEV-style booking batch with the
 * same entries; the ledger accounts are finance's to set, checked field by field.
 */
class ExpenseJournalTest extends AttainIntegrationTest {

    static final int YEAR = TODAY.getYear() - 1;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aClosedMonthsJournalIsFrozenAndALaterChangeIsBookedInTheNextOpenMonth() {
        WebSession finance = login("finance", "demo");
        WebSession admin = login("compadmin", "demo");
        YearMonth month = monthWithCapitalisation(finance);
        YearMonth next = month.plusMonths(1);
        String range = "currency=USD&from=" + month + "&to=" + next + "&by=month";
        List<String> before = rowsOf(journal(finance, range), month.toString());
        assertThat(before).isNotEmpty().allMatch(r -> r.endsWith(",false,false"));

        assertThat(admin.sendJson("POST", "/api/v1/periods/" + month + "/close", null)
                        .statusCode())
                .isEqualTo(200);
        try {
            List<String> posted = rowsOf(journal(finance, range), month.toString());
            assertThat(posted)
                    .as("posted as it stood when the month closed")
                    .containsExactlyElementsOf(before.stream()
                            .map(r -> r.replaceAll(",false,false$", ",false,true"))
                            .toList());

            ExpenseApiTest.ok(finance.sendJson(
                    "PUT", "/api/v1/commission-expense/policies", "{\"portfolio\": \"*\", \"thresholdMonths\": 120}"));
            try {
                String journal = journal(finance, range);
                assertThat(rowsOf(journal, month.toString()))
                        .as("a posted month never changes")
                        .isEqualTo(posted);
                List<String> corrections = rowsOf(journal, next.toString()).stream()
                        .filter(r -> r.endsWith(",true,false"))
                        .toList();
                assertThat(corrections).isNotEmpty();
                // Through the next open month the journal adds up to the roll-forward as it is now, kind by kind.
                JsonNode lines = ExpenseApiTest.ok(finance.get("/api/v1/commission-expense?" + range))
                        .get("lines");
                Map<String, BigDecimal> booked = signedByKind(journal);
                assertThat(booked.getOrDefault("capitalised", BigDecimal.ZERO))
                        .isEqualByComparingTo(sum(lines, "capitalised"));
                assertThat(booked.getOrDefault("amortised", BigDecimal.ZERO))
                        .isEqualByComparingTo(sum(lines, "amortised"));
                assertThat(booked.getOrDefault("written_off", BigDecimal.ZERO))
                        .isEqualByComparingTo(sum(lines, "writtenOff"));
                assertThat(booked.getOrDefault("expensed", BigDecimal.ZERO))
                        .isEqualByComparingTo(sum(lines, "expensedAtOnce"));
            } finally {
                ExpenseApiTest.ok(finance.sendJson(
                        "PUT",
                        "/api/v1/commission-expense/policies",
                        "{\"portfolio\": \"*\", \"thresholdMonths\": 12}"));
            }
            assertThat(rowsOf(journal(finance, range), next.toString()))
                    .as("with the policy back, nothing is left to correct")
                    .noneMatch(r -> r.endsWith(",true,false"));
            assertThatThrownBy(() -> jdbc.sql("update expense_journal set amount = amount + 1 where month = :m")
                            .param("m", month.toString())
                            .update())
                    .hasMessageContaining("frozen");
        } finally {
            admin.sendJson("POST", "/api/v1/periods/" + month + "/reopen", "{\"reason\":\"journal test\"}");
        }
        assertThat(rowsOf(journal(finance, range), month.toString()))
                .as("reopening a period does not unpost its journal")
                .allMatch(r -> r.endsWith(",true"));
    }

    @Test
    void theJournalComesAsXlsxAndAsADatevBookingBatchWithTheSameEntries() throws Exception {
        WebSession finance = login("finance", "demo");
        String range = "currency=USD&from=" + YEAR + "-01&to=" + YEAR + "-12&by=quarter";
        List<String[]> csv = new ArrayList<>();
        String[] rows = journal(finance, range).split("\r\n");
        for (int i = 1; i < rows.length; i++) {
            csv.add(rows[i].split(","));
        }
        assertThat(csv).isNotEmpty();

        HttpResponse<byte[]> xlsx =
                finance.getBytes("/api/v1/commission-expense/journal?format=xlsx&" + range, Map.of());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(5).getStringCellValue()).isEqualTo("amount");
            assertThat(sheet.getLastRowNum()).isEqualTo(csv.size());
            for (int i = 0; i < csv.size(); i++) {
                Row r = sheet.getRow(i + 1);
                assertThat(r.getCell(0).getStringCellValue()).isEqualTo(csv.get(i)[0]);
                assertThat(r.getCell(3).getStringCellValue()).isEqualTo(csv.get(i)[3]);
                assertThat(BigDecimal.valueOf(r.getCell(5).getNumericCellValue()))
                        .isEqualByComparingTo(csv.get(i)[5]);
            }
        }

        HttpResponse<byte[]> datev =
                finance.getBytes("/api/v1/commission-expense/journal?format=datev&" + range, Map.of());
        assertThat(datev.statusCode()).isEqualTo(200);
        assertThat(datev.headers().firstValue("Content-Type").orElse("")).contains("windows-1252");
        String[] all = new String(datev.body(), java.nio.charset.Charset.forName("windows-1252")).split("\r\n");
        // DATEV's EXTF header first: format 700, Buchungsstapel (21) version 13, made today, consultant and client,
        // fiscal year, 4-digit accounts, the range's first and last day, USD, SKR03; 31 fields.
        String[] header = all[0].split(";", -1);
        assertThat(header).hasSize(31);
        assertThat(all[0]).startsWith("\"EXTF\";700;21;\"Buchungsstapel\";13;");
        assertThat(header[5]).hasSize(17).startsWith(TODAY.toString().replace("-", ""));
        assertThat(header[7]).isEqualTo("\"RE\"");
        assertThat(header[10]).isEqualTo("1001");
        assertThat(header[11]).isEqualTo("1");
        assertThat(header[12]).isEqualTo(YEAR + "0101");
        assertThat(header[13]).isEqualTo("4");
        assertThat(header[14]).isEqualTo(YEAR + "0101");
        assertThat(header[15]).isEqualTo(YEAR + "1231");
        assertThat(header[18]).isEqualTo("1");
        assertThat(header[21]).isEqualTo("\"USD\"");
        assertThat(header[26]).isEqualTo("\"03\"");
        String[] lines = java.util.Arrays.copyOfRange(all, 1, all.length);
        assertThat(lines[0])
                .isEqualTo("Umsatz (ohne Soll/Haben-Kz);Soll/Haben-Kennzeichen;WKZ Umsatz;Konto;"
                        + "Gegenkonto (ohne BU-Schlüssel);Belegdatum;Belegfeld 1;Buchungstext");
        assertThat(lines).hasSize(csv.size() + 1);
        for (int i = 0; i < csv.size(); i++) {
            String[] d = lines[i + 1].split(";");
            String[] c = csv.get(i);
            assertThat(d[0])
                    .isEqualTo(new BigDecimal(c[5]).setScale(2).toPlainString().replace('.', ','));
            assertThat(d[1]).isEqualTo("S");
            assertThat(d[2]).isEqualTo("USD");
            assertThat(d[3]).isEqualTo(c[3]);
            assertThat(d[4]).isEqualTo(c[4]);
            LocalDate bookedOn = LocalDate.parse(c[1]);
            assertThat(d[5]).isEqualTo("%02d%02d".formatted(bookedOn.getDayOfMonth(), bookedOn.getMonthValue()));
            assertThat(d[6]).isEqualTo("PROV-" + c[0]);
            assertThat(d[7].length()).isLessThanOrEqualTo(60);
        }
        assertThat(finance.get("/api/v1/commission-expense/journal?format=pdf&" + range)
                        .body())
                .contains("\"field\":\"format\"");
    }

    @Test
    void financeSetsTheLedgerAccountsAndTheJournalBooksToThem() {
        WebSession finance = login("finance", "demo");
        String old = finance.get("/api/v1/commission-expense/accounts").body();
        HttpResponse<String> bad = finance.sendJson("PUT", "/api/v1/commission-expense/accounts", """
                {"deferredCosts": "0980", "accruedCommissions": "0980", "commissionExpense": "=SUM(A1)",
                 "amortisation": "", "writeOff": "4995"}""");
        assertThat(bad.statusCode()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        Json.parse(bad.body())
                .get("errors")
                .forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("commissionExpense", "amortisation");
        assertThat(login("manager", "demo")
                        .get("/api/v1/commission-expense/accounts")
                        .statusCode())
                .isEqualTo(403);
        try {
            ExpenseApiTest.ok(finance.sendJson("PUT", "/api/v1/commission-expense/accounts", """
                    {"deferredCosts": "0980", "accruedCommissions": "1740", "commissionExpense": "4760",
                     "amortisation": "4822", "writeOff": "4995"}"""));
            String journal = journal(
                    finance, "currency=USD&from=" + TODAY.getYear() + "-01&to=" + TODAY.getYear() + "-12&by=quarter");
            assertThat(journal).contains(",capitalised,0980,1740,").contains(",amortised,4822,0980,");
        } finally {
            finance.sendJson("PUT", "/api/v1/commission-expense/accounts", old);
        }
    }

    /** A month of the previous year whose journal capitalises commissions (and is open). */
    private static YearMonth monthWithCapitalisation(WebSession finance) {
        String journal = journal(finance, "currency=USD&from=" + YEAR + "-01&to=" + YEAR + "-11&by=month");
        for (String r : journal.split("\r\n")) {
            if (r.contains(",capitalised,") && r.endsWith(",false,false")) {
                return YearMonth.parse(r.substring(0, 7));
            }
        }
        throw new AssertionError("no month of " + YEAR + " capitalises commissions:\n" + journal);
    }

    private static String journal(WebSession s, String query) {
        HttpResponse<String> r = s.get("/api/v1/commission-expense/journal?" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private static List<String> rowsOf(String journal, String period) {
        return java.util.Arrays.stream(journal.split("\r\n"))
                .filter(r -> r.startsWith(period + ","))
                .toList();
    }

    /** Each kind's movement as booked: the standard accounts' direction counts up, the other way round down. */
    private static Map<String, BigDecimal> signedByKind(String journal) {
        Map<String, String> up =
                Map.of("expensed", "6000", "capitalised", "1480", "amortised", "6010", "written_off", "6020");
        Map<String, BigDecimal> out = new HashMap<>();
        String[] rows = journal.split("\r\n");
        for (int i = 1; i < rows.length; i++) {
            String[] c = rows[i].split(",");
            BigDecimal amount = new BigDecimal(c[5]);
            out.merge(c[2], c[3].equals(up.get(c[2])) ? amount : amount.negate(), BigDecimal::add);
        }
        return out;
    }

    private static BigDecimal sum(JsonNode lines, String field) {
        BigDecimal s = BigDecimal.ZERO;
        for (JsonNode l : lines) {
            s = s.add(new BigDecimal(l.get(field).asString()));
        }
        return s;
    }
}
