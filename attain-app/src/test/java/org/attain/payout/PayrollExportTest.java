package org.attain.payout;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finance exports the payroll of a period: approved payouts only, generic or German layout. Making an
 * export is a POST that records the file and marks the payouts; reading it again is a GET that changes
 * nothing, even with a read-only token.
 */
class PayrollExportTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    PayoutFixtures cast;

    @BeforeEach
    void cast() {
        cast = new PayoutFixtures(jdbc, this::login);
    }

    @Test
    void theGenericFileHoldsApprovedPayoutsOnly() {
        long approved = cast.outsiders().get(3);
        long notApproved = cast.outsiders().get(4);
        WebSession compadmin = login("compadmin", "demo");
        compadmin.sendJson(
                "POST", "/api/v1/approvals", "{\"personId\":" + approved + ",\"period\":\"" + cast.quarter + "\"}");

        HttpResponse<String> file = export(login("finance", "demo"), "generic");
        assertThat(file.statusCode()).isEqualTo(201);
        assertThat(file.headers().firstValue("Content-Disposition").orElse(""))
                .contains("payroll-" + cast.quarter + "-generic.csv");
        List<String> lines = file.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("employee_id,name,period,currency,payout,approved_by,approved_at");
        assertThat(lines)
                .anySatisfy(l -> assertThat(l)
                        .startsWith(externalId(approved) + ",")
                        .contains("," + cast.quarter + ",")
                        .contains(",compadmin,"));
        assertThat(lines).noneSatisfy(l -> assertThat(l).startsWith(externalId(notApproved) + ","));
        assertThat(jdbc.sql(
                                "select exported_at is not null from payout_approval where person_id = :p and period_id = :q")
                        .param("p", approved)
                        .param("q", cast.quarter)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void theGermanLayoutUsesLohnartenCommaDecimalsAndTheMonthOfPay() {
        long approved = cast.outsiders().get(5);
        login("admin", "demo")
                .sendJson(
                        "POST",
                        "/api/v1/approvals",
                        "{\"personId\":" + approved + ",\"period\":\"" + cast.quarter + "\"}");
        HttpResponse<String> file = export(login("finance", "demo"), "datev");
        List<String> lines = file.body().lines().toList();
        assertThat(lines.get(0))
                .isEqualTo(
                        "Personalnummer;Name;Lohnart;Betrag;Währung;Abrechnungsmonat;Freigegeben von;Freigegeben am");
        String row = lines.stream()
                .filter(l -> l.startsWith(externalId(approved) + ";"))
                .findFirst()
                .orElseThrow();
        String[] cells = row.split(";");
        assertThat(cells[2]).isEqualTo("1100");
        assertThat(cells[3]).matches("-?\\d+,\\d{2}");
        assertThat(cells[5]).matches("(03|06|09|12)/\\d{4}");
        assertThat(cells[7]).matches("\\d{2}\\.\\d{2}\\.\\d{4}");
    }

    @Test
    void onlyTheBackOfficeExportsPayroll() {
        for (String login : List.of("rep", "manager")) {
            assertThat(export(login(login, "demo"), "generic").statusCode())
                    .as(login)
                    .isEqualTo(403);
            assertThat(login(login, "demo")
                            .get("/api/v1/payroll/" + cast.quarter + "/export")
                            .statusCode())
                    .as(login)
                    .isEqualTo(403);
            assertThat(login(login, "demo")
                            .get("/payroll?period=" + cast.quarter)
                            .statusCode())
                    .as(login)
                    .isEqualTo(403);
        }
        assertThat(export(login("finance", "demo"), "excel").statusCode()).isEqualTo(400);
        assertThat(login("finance", "demo")
                        .get("/api/v1/payroll/1999-Q1/payouts")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void everyExportIsRecordedWithItsFileAuditedAndReadableAgainUnchanged() {
        long before = jdbc.sql("select count(*) from payroll_export")
                .query(Long.class)
                .single();
        HttpResponse<String> made = export(login("finance", "demo"), "datev");
        assertThat(made.statusCode()).isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from payroll_export")
                        .query(Long.class)
                        .single())
                .isEqualTo(before + 1);
        assertThat(jdbc.sql("select count(*) from audit_log where actor = 'finance' and action = 'PAYROLL_EXPORTED'")
                        .query(Long.class)
                        .single())
                .isPositive();
        String location = made.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/api/v1/payroll/" + cast.quarter + "/exports/");

        WebSession finance = login("finance", "demo");
        assertThat(finance.get(location).body()).isEqualTo(made.body());
        assertThat(finance.get("/api/v1/payroll/" + cast.quarter + "/export?layout=datev")
                        .body())
                .isEqualTo(made.body());
        assertThat(Json.parse(finance.get("/api/v1/payroll/" + cast.quarter + "/exports")
                                .body())
                        .get(0)
                        .get("layout")
                        .asString())
                .isEqualTo("DATEV");
        assertThat(jdbc.sql("select count(*) from payroll_export")
                        .query(Long.class)
                        .single())
                .as("reading made no export")
                .isEqualTo(before + 1);
    }

    @Test
    void aReadTokenDownloadsWithoutSideEffectsAndCannotMakeAnExport() {
        long payee = cast.outsiders().get(10);
        login("admin", "demo")
                .sendJson(
                        "POST",
                        "/api/v1/approvals",
                        "{\"personId\":" + payee + ",\"period\":\"" + cast.quarter + "\"}");
        String secret = Json.parse(login("finance", "demo")
                        .sendJson("POST", "/api/v1/tokens", "{\"name\":\"payroll reader\",\"scopes\":[\"read\"]}")
                        .body())
                .get("secret")
                .asString();
        WebSession reader = WebSession.withToken(baseUrl(), secret);
        long exportsBefore = jdbc.sql("select count(*) from payroll_export")
                .query(Long.class)
                .single();
        long auditBefore = jdbc.sql("select count(*) from audit_log where action = 'PAYROLL_EXPORTED'")
                .query(Long.class)
                .single();

        int status = reader.get("/api/v1/payroll/" + cast.quarter + "/export").statusCode();
        assertThat(status).as("the latest recorded export, or 404 before any").isIn(200, 404);
        assertThat(reader.get("/api/v1/payroll/" + cast.quarter + "/exports").statusCode())
                .isEqualTo(200);
        assertThat(reader.sendJson("POST", "/api/v1/payroll/" + cast.quarter + "/export?layout=generic", null)
                        .statusCode())
                .isEqualTo(403);

        assertThat(jdbc.sql("select exported_at is null from payout_approval where person_id = :p and period_id = :q")
                        .param("p", payee)
                        .param("q", cast.quarter)
                        .query(Boolean.class)
                        .single())
                .as("still not exported")
                .isTrue();
        assertThat(jdbc.sql("select count(*) from payroll_export")
                        .query(Long.class)
                        .single())
                .isEqualTo(exportsBefore);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'PAYROLL_EXPORTED'")
                        .query(Long.class)
                        .single())
                .isEqualTo(auditBefore);
    }

    @Test
    void thePageMakesAnExportOnlyByAFormPost() {
        WebSession finance = login("finance", "demo");
        String page = finance.get("/payroll?period=" + cast.quarter).body();
        assertThat(page).contains("method=\"post\" action=\"/payroll/" + cast.quarter + "/export\"");
        assertThat(finance.get("/payroll/" + cast.quarter + "/export?layout=generic")
                        .statusCode())
                .as("no GET makes an export")
                .isEqualTo(405);
        HttpResponse<String> file =
                finance.postForm("/payroll/" + cast.quarter + "/export", java.util.Map.of("layout", "generic"));
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).startsWith("employee_id,name,period");
    }

    private HttpResponse<String> export(WebSession s, String layout) {
        return s.sendJson("POST", "/api/v1/payroll/" + cast.quarter + "/export?layout=" + layout, null);
    }

    private String externalId(long personId) {
        return jdbc.sql("select external_id from person where id = :p")
                .param("p", personId)
                .query(String.class)
                .single();
    }
}
