package org.attain.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.util.Map;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Business words (issue 21.5): a rep above quota reads their statement with names instead of ids and a
 * trace in words and amounts to the cent, in English and German; its PDF prints "∞" (the top tier has
 * no upper bound) because the font is embedded; the audit log says who changed what as a sentence.
 */
class BusinessWordsBrowserTest extends AttainIntegrationTest {

    @Test
    void aRepAboveQuotaReadsTheStatementInWordsAndItsPdfPrintsInfinity() throws Exception {
        WebSession compadmin = login("compadmin", "demo");
        WebSession rep = login("rep", "demo");
        long me = Json.parse(rep.get("/api/v1/me").body()).get("id").asLong();
        String quarter = quarterWithDeals(rep, me);
        // A small quota puts the rep in the top tier, [100%, ∞); the quota is put back at the end.
        String quota = quotaOf(compadmin, me, quarter);
        setQuota(compadmin, me, quarter, "1000.00");
        try {
            awaitTopTier(rep, me, quarter);
            readsTheStatementInWords(rep, me, quarter);
        } finally {
            if (quota != null) {
                setQuota(compadmin, me, quarter, quota);
            }
        }
    }

    private void readsTheStatementInWords(WebSession rep, long me, String quarter) throws Exception {

        byte[] pdf = rep.getBytes("/reports/statements/" + me + "?period=" + quarter, Map.of("Accept-Language", "de"))
                .body();
        String text = pdfText(pdf).replace('\u00a0', ' ');
        assertThat(text)
                .contains("∞")
                .contains("Provision")
                .contains("Staffel 3 erreicht")
                .contains("Zielerreichung");
        assertThat(text).doesNotContain("to date").doesNotContain("reached tier");

        try (Browser browser = new Browser(baseUrl(), "de")) {
            browser.logIn("rep", "demo").open("/people/" + me + "/statement?period=" + quarter);
            WebElement lines = browser.driver().findElement(By.cssSelector("[data-test=statement-lines]"));
            assertThat(lines.getText()).contains("Provision").doesNotContain("commission");
            WebElement trace = browser.driver().findElement(By.cssSelector("[data-test=trace-commission]"));
            trace.findElement(By.tagName("summary")).click();
            assertThat(trace.getText().replace('\u00a0', ' '))
                    .contains("Kennzahl:")
                    .contains("Zielerreichung:")
                    .contains("Staffel 3 erreicht (Zielerreichung 100,0 % bis ∞, Satz 12 %)")
                    .doesNotContainPattern("\\d[.,]\\d{4,}"); // amounts to the cent, shares as percentages
            assertThat(browser.pageText())
                    .contains("Summe der Provisionszeilen")
                    .doesNotContain("sum of earnings lines");
            browser.screenshot("words-statement-trace-de");
        }
        try (Browser browser = new Browser(baseUrl(), "en")) {
            browser.logIn("rep", "demo").open("/people/" + me + "/statement?period=" + quarter);
            WebElement trace = browser.driver().findElement(By.cssSelector("[data-test=trace-commission]"));
            trace.findElement(By.tagName("summary")).click();
            assertThat(trace.getText())
                    .contains("measure:")
                    .contains("reached tier 3 (attainment 100.0% to ∞, rate 12%)");
            assertThat(browser.text("[data-test=statement-lines]")).contains("Commission");
            browser.screenshot("words-statement-trace-en");
        }
    }

    @Test
    void theAuditLogSaysWhoChangedWhatAsASentenceInBothLanguages() {
        WebSession compadmin = login("compadmin", "demo");
        String quarter = TODAY.getYear() + "-Q" + ((TODAY.getMonthValue() - 1) / 3 + 1);
        long lauren = Json.parse(login("rep", "demo").get("/api/v1/me").body())
                .get("id")
                .asLong();
        String quota = quotaOf(compadmin, lauren, quarter);
        setQuota(compadmin, lauren, quarter, "120000.00");
        setQuota(compadmin, lauren, quarter, "130000.00");
        if (quota != null) {
            setQuota(compadmin, lauren, quarter, quota); // as it was, for the tests that follow
        }
        try (Browser browser = new Browser(baseUrl(), "en")) {
            browser.logIn("admin", "demo").open("/admin/audit?action=QUOTA_SET");
            assertThat(texts(browser, "[data-test=audit-sentence]"))
                    .anyMatch(t -> t.matches(
                            ".* changed the " + quarter + " quota of Lauren Phillips from 120,000.00 to 130,000.00"));
            assertThat(texts(browser, "[data-test=audit-diff]")).contains("amount: 120,000.00 → 130,000.00");
            browser.screenshot("words-audit-en");
        }
        try (Browser browser = new Browser(baseUrl(), "de")) {
            browser.logIn("admin", "demo").open("/admin/audit?action=QUOTA_SET");
            assertThat(texts(browser, "[data-test=audit-sentence]"))
                    .anyMatch(t -> t.matches(".* hat die Quote " + quarter
                            + " von Lauren Phillips von 120.000,00 auf 130.000,00 geändert"));
            assertThat(texts(browser, "[data-test=audit-diff]")).contains("Betrag: 120.000,00 → 130.000,00");
            browser.screenshot("words-audit-de");
        }
        // The stored JSON is still there, folded under the sentence.
        assertThat(login("admin", "demo").get("/admin/audit?action=QUOTA_SET").body())
                .contains("{&quot;amount&quot;: &quot;130000.00&quot;}");
    }

    static java.util.List<String> texts(Browser browser, String css) {
        return browser.driver().findElements(By.cssSelector(css)).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** The person's quota of the period as the API gives it (a plain decimal), or null when none is set. */
    static String quotaOf(WebSession session, long personId, String period) {
        for (var row : Json.parse(session.get("/api/v1/quotas?period=" + period).body())) {
            if (row.get("personId").asLong() == personId && row.hasNonNull("amount")) {
                return new java.math.BigDecimal(row.get("amount").asString())
                        .setScale(2, java.math.RoundingMode.HALF_EVEN)
                        .toPlainString();
            }
        }
        return null;
    }

    static void setQuota(WebSession session, long personId, String period, String amount) {
        var put = session.sendJson(
                "PUT",
                "/api/v1/quotas",
                "{\"rows\":[{\"personId\":" + personId + ",\"periodId\":\"" + period + "\",\"amount\":" + amount
                        + "}]}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    private static void awaitTopTier(WebSession rep, long me, String quarter) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            String body = rep.get("/api/v1/people/" + me + "/earnings?period=" + quarter)
                    .body();
            if (body.contains("∞") || body.contains("\\u221e")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the rep never reached the top tier in " + quarter);
    }

    static String quarterWithDeals(WebSession session, long me) {
        for (var q : Json.parse(session.get("/api/v1/periods?kind=QUARTER").body())
                .valueStream()
                .map(n -> n.get("id").asString())
                .sorted(java.util.Comparator.reverseOrder())
                .toList()) {
            var statement = Json.parse(session.get("/api/v1/people/" + me + "/earnings?period=" + q)
                    .body());
            for (var line : statement.path("lines")) {
                if (line.path("component").asString("").equals("commission")
                        && !line.path("qualifying").isEmpty()) {
                    return q;
                }
            }
        }
        throw new AssertionError("no quarter with deals");
    }

    static String pdfText(byte[] pdf) throws IOException {
        try (PdfReader reader = new PdfReader(pdf)) {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        }
    }
}
