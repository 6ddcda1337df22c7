package org.attain.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.attain.payout.PayoutFixtures;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.DateDependent;
import org.attain.support.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Reports follow the pay rule: reps get none, managers see their subtree, the back office everyone;
 * finance is for finance, admins and comp admins; a statement PDF is visible exactly like the statement.
 */
@DateDependent
class ReportPrivacyMatrixTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    PayoutFixtures cast;

    @BeforeEach
    void cast() {
        cast = new PayoutFixtures(jdbc, this::login);
    }

    @Test
    void repsGetNoReportsAndNoFinance() {
        var rep = login("rep", "demo");
        assertThat(rep.get("/reports").statusCode()).isEqualTo(403);
        assertThat(rep.get("/finance").statusCode()).isEqualTo(403);
        assertThat(rep.get("/api/v1/reports/team-targets").statusCode()).isEqualTo(403);
        assertThat(rep.get("/api/v1/reports/performers/export?format=xlsx").statusCode())
                .isEqualTo(403);
        assertThat(rep.get("/api/v1/finance/cost-of-sales").statusCode()).isEqualTo(403);
    }

    @Test
    void managersSeeTheirSubtreeAndNoFinance() {
        var manager = login("manager", "demo");
        JsonNode report = Json.parse(
                manager.get("/api/v1/reports/performers?period=" + cast.quarter).body());
        assertThat(report.get("scope").asString()).isEqualTo("subtree");
        List<String> names = report.get("rows")
                .valueStream()
                .map(r -> r.get("name").asString())
                .toList();
        assertThat(names).isNotEmpty();
        assertThat(names).allSatisfy(name -> assertThat(subtreeNames()).contains(name));
        assertThat(manager.get("/reports?period=" + cast.quarter).statusCode()).isEqualTo(200);
        assertThat(manager.get("/finance").statusCode()).isEqualTo(403);
        assertThat(manager.get("/api/v1/finance/commission-cost").statusCode()).isEqualTo(403);
    }

    @Test
    void theBackOfficeSeesEveryoneAndFinance() {
        for (String login : List.of("admin", "compadmin", "finance")) {
            var s = login(login, "demo");
            assertThat(Json.parse(s.get("/api/v1/reports/team-targets?period=" + cast.quarter)
                                    .body())
                            .get("scope")
                            .asString())
                    .as(login)
                    .isEqualTo("all");
            assertThat(s.get("/finance").statusCode()).as(login).isEqualTo(200);
            assertThat(s.get("/api/v1/finance/accrued-vs-paid").statusCode())
                    .as(login)
                    .isEqualTo(200);
        }
    }

    @Test
    void aStatementPdfIsVisibleExactlyLikeTheStatement() {
        long outsider = cast.outsiders().get(0);
        expectPdf("rep", cast.rep, 200);
        expectPdf("rep", outsider, 404);
        expectPdf("manager", cast.rep, 200);
        expectPdf("manager", outsider, 404);
        expectPdf("finance", outsider, 200);
        expectPdf("compadmin", cast.rep, 200);
        assertThat(anonymous()
                        .get("/api/v1/reports/statements/" + cast.rep + "?period=" + cast.quarter)
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void unknownReportsAndFormatsAreNamedClearly() {
        var finance = login("finance", "demo");
        assertThat(finance.get("/api/v1/reports/salaries").statusCode()).isEqualTo(404);
        assertThat(finance.get("/api/v1/reports/commission-cost").statusCode())
                .as("finance reports live under /finance")
                .isEqualTo(404);
        HttpResponse<String> badFormat = finance.get("/api/v1/reports/performers/export?format=doc");
        assertThat(badFormat.statusCode()).isEqualTo(400);
        assertThat(Json.parse(badFormat.body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("format");
        assertThat(finance.get("/api/v1/reports/performers?period=1999-Q1").statusCode())
                .isEqualTo(404);
    }

    private void expectPdf(String login, long person, int status) {
        HttpResponse<String> r =
                login(login, "demo").get("/api/v1/reports/statements/" + person + "?period=" + cast.quarter);
        assertThat(r.statusCode())
                .as("%s downloading the statement PDF of person %s", login, person)
                .isEqualTo(status);
        if (status == 200) {
            assertThat(r.body()).startsWith("%PDF");
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        }
    }

    private List<String> subtreeNames() {
        return jdbc.sql("""
                with recursive sub(id) as (select cast(:m as bigint) union
                  select rl.person_id from reporting_line rl join sub on rl.manager_id = sub.id
                  where rl.valid_from <= cast(:today as date) and (rl.valid_until is null or rl.valid_until > cast(:today as date)))
                select p.first_name || ' ' || p.last_name from person p join sub on sub.id = p.id""")
                .param("m", cast.manager)
                .param("today", TODAY)
                .query(String.class)
                .list();
    }
}
