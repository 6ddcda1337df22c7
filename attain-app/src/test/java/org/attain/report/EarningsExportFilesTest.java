package org.attain.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.attain.payout.CellText;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The earnings export as files: the CSV and the XLSX hold exactly the API's rows under headings in
 * the reader's language, text a spreadsheet would run arrives quoted, each line names the plan version
 * that paid it; bad input is named, an empty period is an empty export that says so.
 */
class EarningsExportFilesTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    WebSession finance;
    String quarter;

    @BeforeEach
    void currentQuarter() {
        finance = login("finance", "demo");
        quarter = Json.parse(finance.get("/api/v1/periods/current?kind=QUARTER").body())
                .get("id")
                .asString();
    }

    @Test
    void theCsvAndTheXlsxHoldEveryRowOfTheApiWithHeadingsInTheReadersLanguage() throws IOException {
        List<JsonNode> rows = EarningsApi.allRows(finance, quarter, 5000);
        Map<String, BigDecimal> totals = EarningsApi.totals(EarningsApi.page(finance, quarter, 0, 1));

        HttpResponse<String> csvResponse = finance.get("/api/v1/reports/earnings/export?format=csv&period=" + quarter);
        assertThat(csvResponse.headers().firstValue("Content-Disposition").orElse(""))
                .contains("earnings-" + quarter + ".csv");
        assertThat(csvResponse.headers().firstValue("X-Total-Count")).hasValue(String.valueOf(rows.size()));
        List<CSVRecord> csv = csv(csvResponse.body());
        assertThat(csv.get(0).toList())
                .containsExactly(
                        "Employee id",
                        "Name",
                        "Period",
                        "Plan",
                        "Plan version",
                        "Component",
                        "Amount",
                        "Currency",
                        "Attainment",
                        "Correction for",
                        "E-mail");
        assertThat(csv).hasSize(rows.size() + 1);
        for (int i = 0; i < rows.size(); i++) {
            JsonNode r = rows.get(i);
            CSVRecord c = csv.get(i + 1);
            // Text a spreadsheet would run arrives quoted in files (CellText), as it is in the JSON otherwise.
            assertThat(c.get(0)).isEqualTo(CellText.safe(r.get("employeeId").asString()));
            assertThat(c.get(1)).isEqualTo(CellText.safe(r.get("name").asString()));
            assertThat(c.get(2)).isEqualTo(r.get("period").asString());
            // A manual adjustment's line has no plan (nor version): an empty cell.
            assertThat(c.get(3))
                    .isEqualTo(
                            r.get("plan") == null
                                    ? ""
                                    : CellText.safe(r.get("plan").asString()));
            assertThat(c.get(4))
                    .isEqualTo(
                            r.get("planVersion") == null
                                    ? ""
                                    : r.get("planVersion").asString());
            assertThat(c.get(5)).isEqualTo(CellText.safe(r.get("component").asString()));
            assertThat(c.get(6))
                    .isEqualTo(r.get("amount")
                            .decimalValue()
                            .setScale(2, RoundingMode.HALF_EVEN)
                            .toPlainString());
            assertThat(c.get(7)).isEqualTo(r.get("currency").asString());
            assertThat(c.get(8))
                    .isEqualTo(
                            r.get("attainment") == null
                                    ? ""
                                    : r.get("attainment")
                                            .decimalValue()
                                            .setScale(4, RoundingMode.HALF_EVEN)
                                            .toPlainString());
            assertThat(c.get(10))
                    .as("the e-mail, to join on")
                    .isEqualTo(CellText.safe(r.get("email").asString()))
                    .contains("@");
        }

        HttpResponse<byte[]> xlsxResponse = finance.getBytes(
                "/api/v1/reports/earnings/export?format=xlsx&period=" + quarter, Map.of("Accept-Language", "de-DE"));
        assertThat(xlsxResponse.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsxResponse.body()))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Provisionen je Person");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Personalnummer");
            assertThat(sheet.getRow(0).getCell(6).getStringCellValue()).isEqualTo("Betrag");
            assertThat(sheet.getLastRowNum()).isEqualTo(rows.size());
            Map<String, BigDecimal> sums = new TreeMap<>();
            for (int i = 1; i <= rows.size(); i++) {
                Row x = sheet.getRow(i);
                assertThat(x.getCell(0).getStringCellValue())
                        .isEqualTo(
                                CellText.safe(rows.get(i - 1).get("employeeId").asString()));
                assertThat(x.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
                sums.merge(
                        x.getCell(7).getStringCellValue(),
                        BigDecimal.valueOf(x.getCell(6).getNumericCellValue()),
                        BigDecimal::add);
            }
            sums.replaceAll((c, v) -> v.setScale(2, RoundingMode.HALF_EVEN));
            EarningsApi.assertSameMoney(sums, totals, "XLSX amounts");
        }
    }

    @Test
    void dangerousTextArrivesAsTextAndEachLineNamesThePlanVersionThatPaidIt() throws IOException {
        WebSession compAdmin = login("compadmin", "demo");
        String n = Long.toString(System.nanoTime(), 36);
        String plan = "exp-" + n;
        String employeeId = "@EXP" + n;
        JsonNode q = Json.parse(finance.get("/api/v1/periods/" + quarter).body());
        assertThat(compAdmin
                        .sendYaml("/api/v1/plans?confirm=true", plan(plan, "0.05"))
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<String> person = compAdmin.sendJson("POST", "/api/v1/people", """
                {"externalId": "%s", "firstName": "=HYPERLINK(\\"http://x\\")", "lastName": "-Evil", "email": "exp%s@example.com",
                 "title": "Account Executive", "roleType": "REP", "employmentStart": "%s", "currency": "USD"}""".formatted(
                        employeeId, n, q.get("startsOn").asString()));
        assertThat(person.statusCode()).as(person.body()).isEqualTo(201);
        long id = Json.parse(person.body()).get("id").asLong();
        assertThat(compAdmin
                        .sendJson(
                                "POST",
                                "/api/v1/plans/" + plan + "/assignments",
                                "{\"personIds\": [" + id + "], \"from\": \""
                                        + q.get("startsOn").asString() + "\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(compAdmin
                        .sendJson("POST", "/api/v1/calc/runs?person=" + id, null)
                        .statusCode())
                .isEqualTo(201);
        assertThat(linesOf(employeeId)).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("plan").asString()).isEqualTo("=Export plan");
            assertThat(r.get("planVersion").asInt()).isEqualTo(1);
        });

        assertThat(compAdmin
                        .sendYaml("/api/v1/plans?confirm=true", plan(plan, "0.06"))
                        .statusCode())
                .isEqualTo(201);
        assertThat(linesOf(employeeId))
                .as("calculated with version 1 until calculated again")
                .allSatisfy(r -> assertThat(r.get("planVersion").asInt()).isEqualTo(1));
        assertThat(compAdmin
                        .sendJson("POST", "/api/v1/calc/runs?person=" + id, null)
                        .statusCode())
                .isEqualTo(201);
        assertThat(linesOf(employeeId))
                .allSatisfy(r -> assertThat(r.get("planVersion").asInt()).isEqualTo(2));

        CSVRecord line = csv(finance.get("/api/v1/reports/earnings/export?period=" + quarter)
                        .body())
                .stream()
                .filter(r -> r.get(0).equals("'" + employeeId))
                .findFirst()
                .orElseThrow();
        assertThat(line.get(1)).isEqualTo("'=HYPERLINK(\"http://x\") -Evil");
        assertThat(line.get(3)).isEqualTo("'=Export plan");
        assertThat(line.get(4)).isEqualTo("2");
        byte[] xlsx = finance.getBytes("/api/v1/reports/earnings/export?format=xlsx&period=" + quarter, Map.of())
                .body();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sheet = book.getSheetAt(0);
            Row row = null;
            for (int i = 1; i <= sheet.getLastRowNum() && row == null; i++) {
                row = sheet.getRow(i).getCell(0).getStringCellValue().equals("'" + employeeId) ? sheet.getRow(i) : null;
            }
            assertThat(row).as("the new person's row in the XLSX").isNotNull();
            assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://x\") -Evil");
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo("'=Export plan");
            assertThat(row.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
        }
    }

    @Test
    void anUnknownPeriodIsNamedAndBadPagingIsRefusedFieldByField() {
        for (String path : List.of(
                "/api/v1/reports/earnings?period=1999-Q1",
                "/api/v1/reports/earnings/export?period=1999-Q1&format=xlsx")) {
            HttpResponse<String> r = finance.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(Json.parse(r.body()).get("detail").asString()).contains("1999-Q1");
        }
        Map<String, String> refused = Map.of(
                "size=0",
                "size",
                "size=" + (EarningsExport.MAX_PAGE_SIZE + 1),
                "size",
                "page=-1",
                "page",
                "page=first",
                "page",
                "size=all",
                "size");
        refused.forEach((query, field) -> {
            HttpResponse<String> r = finance.get("/api/v1/reports/earnings?period=" + quarter + "&" + query);
            assertThat(r.statusCode()).as(query).isEqualTo(400);
            assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.");
            assertThat(Json.parse(r.body()).get("errors").get(0).get("field").asString())
                    .as(query)
                    .isEqualTo(field);
        });
        HttpResponse<String> pdf = finance.get("/api/v1/reports/earnings/export?format=pdf&period=" + quarter);
        assertThat(pdf.statusCode()).isEqualTo(400);
        assertThat(Json.parse(pdf.body()).get("errors").get(0).get("reason").asString())
                .isEqualTo("must be csv or xlsx");
        assertThat(EarningsApi.page(finance, quarter.toLowerCase(java.util.Locale.ROOT), 0, 1)
                        .get("period")
                        .asString())
                .as("2026-q4 reads as 2026-Q4")
                .isEqualTo(quarter);
        assertThat(anonymous().get("/api/v1/reports/earnings").statusCode()).isEqualTo(401);
    }

    @Test
    void aPeriodWithoutResultsIsAnEmptyExportThatSaysSo() throws IOException {
        List<JsonNode> quarters = Json.parse(
                        finance.get("/api/v1/periods?kind=QUARTER").body())
                .valueStream()
                .toList();
        String future = quarters.get(quarters.size() - 1).get("id").asString();
        JsonNode empty = EarningsApi.page(finance, future, 0, 10);
        assertThat(EarningsApi.currentLines(jdbc, EarningsApi.strings(empty.get("periods")), null))
                .as("nothing calculated in " + future)
                .isZero();
        assertThat(empty.get("total").asLong()).isZero();
        assertThat(empty.get("rows")).isEmpty();
        assertThat(empty.get("message").asString()).isEqualTo("No current results in " + future + ".");
        assertThat(EarningsApi.page(login("rep", "demo"), future, 0, 10)
                        .get("message")
                        .asString())
                .isEqualTo("You have no current results in " + future + ".");
        HttpResponse<String> csv = finance.get("/api/v1/reports/earnings/export?period=" + future);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("X-Total-Count")).hasValue("0");
        assertThat(csv.body().lines().toList())
                .containsExactly(
                        "Employee id,Name,Period,Plan,Plan version,Component,Amount,Currency,Attainment,Correction for,E-mail");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(
                finance.getBytes("/api/v1/reports/earnings/export?format=xlsx&period=" + future, Map.of())
                        .body()))) {
            assertThat(book.getSheetAt(0).getLastRowNum())
                    .as("the heading row only")
                    .isZero();
        }

        List<String> before = EarningsApi.previousQuarterAndItsFirstMonth(finance);
        String previous = before.get(0);
        String month = before.get(1);
        assertThat(EarningsApi.currentLines(jdbc, List.of(month), null))
                .as("the demo plans pay per quarter")
                .isZero();
        JsonNode monthly = EarningsApi.page(finance, month, 0, 10);
        assertThat(monthly.get("total").asLong()).isZero();
        assertThat(EarningsApi.strings(monthly.get("seeAlso"))).containsExactly(previous);
        assertThat(monthly.get("message").asString())
                .isEqualTo("No current results in " + month + ". Results are calculated for " + previous
                        + ", which includes " + month + ".");
    }

    private List<JsonNode> linesOf(String employeeId) {
        return EarningsApi.allRows(finance, quarter, 5000).stream()
                .filter(r -> r.get("employeeId").asString().equals(employeeId))
                .toList();
    }

    private static String plan(String key, String rate) {
        return """
                id: %s
                name: "=Export plan"
                currency: USD
                frequency: quarter
                measures:
                  - id: bookings
                    statuses: [won]
                    credit:
                      - {id: owner, from: self}
                components:
                  - {id: commission, kind: rate, rate: "%s", measure: bookings}
                """.formatted(key, rate);
    }

    private static List<CSVRecord> csv(String text) {
        try {
            return new ArrayList<>(
                    CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
