package org.attain.payout;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Finance downloads the payroll of a period: approved payouts only, generic or German layout, recorded. */
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
        compadmin.sendJson("POST", "/api/v1/approvals", "{\"personId\":" + approved + ",\"period\":\"" + cast.quarter + "\"}");

        HttpResponse<String> file = login("finance", "demo").get("/api/v1/payroll/" + cast.quarter + "/export?layout=generic");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains("payroll-" + cast.quarter + "-generic.csv");
        List<String> lines = file.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("employee_id,name,period,currency,payout,approved_by,approved_at");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(externalId(approved) + ",")
                .contains("," + cast.quarter + ",").contains(",compadmin,"));
        assertThat(lines).noneSatisfy(l -> assertThat(l).startsWith(externalId(notApproved) + ","));
        assertThat(jdbc.sql("select exported_at is not null from payout_approval where person_id = :p and period_id = :q")
                .param("p", approved).param("q", cast.quarter).query(Boolean.class).single()).isTrue();
    }

    @Test
    void theGermanLayoutUsesLohnartenCommaDecimalsAndTheMonthOfPay() {
        long approved = cast.outsiders().get(5);
        login("admin", "demo").sendJson("POST", "/api/v1/approvals", "{\"personId\":" + approved + ",\"period\":\"" + cast.quarter + "\"}");
        HttpResponse<String> file = login("finance", "demo").get("/api/v1/payroll/" + cast.quarter + "/export?layout=datev");
        List<String> lines = file.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Personalnummer;Name;Lohnart;Betrag;Währung;Abrechnungsmonat;Freigegeben von;Freigegeben am");
        String row = lines.stream().filter(l -> l.startsWith(externalId(approved) + ";")).findFirst().orElseThrow();
        String[] cells = row.split(";");
        assertThat(cells[2]).isEqualTo("1100");
        assertThat(cells[3]).matches("-?\\d+,\\d{2}");
        assertThat(cells[5]).matches("(03|06|09|12)/\\d{4}");
        assertThat(cells[7]).matches("\\d{2}\\.\\d{2}\\.\\d{4}");
    }

    @Test
    void onlyTheBackOfficeExportsPayroll() {
        for (String login : List.of("rep", "manager")) {
            assertThat(login(login, "demo").get("/api/v1/payroll/" + cast.quarter + "/export").statusCode()).as(login).isEqualTo(403);
            assertThat(login(login, "demo").get("/payroll?period=" + cast.quarter).statusCode()).as(login).isEqualTo(403);
        }
        assertThat(login("finance", "demo").get("/api/v1/payroll/" + cast.quarter + "/export?layout=excel").statusCode()).isEqualTo(400);
        assertThat(login("finance", "demo").get("/api/v1/payroll/1999-Q1/payouts").statusCode()).isEqualTo(404);
    }

    @Test
    void everyDownloadIsRecordedAndAudited() {
        long before = jdbc.sql("select count(*) from payroll_export").query(Long.class).single();
        login("finance", "demo").get("/api/v1/payroll/" + cast.quarter + "/export?layout=datev");
        assertThat(jdbc.sql("select count(*) from payroll_export").query(Long.class).single()).isEqualTo(before + 1);
        assertThat(jdbc.sql("select count(*) from audit_log where actor = 'finance' and action = 'PAYROLL_EXPORTED'")
                .query(Long.class).single()).isPositive();
    }

    private String externalId(long personId) {
        return jdbc.sql("select external_id from person where id = :p").param("p", personId).query(String.class).single();
    }
}
