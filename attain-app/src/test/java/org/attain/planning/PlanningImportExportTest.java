package org.attain.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attain.ingest.ImportApiCalls;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A quota plan's numbers, its submissions, a period's quotas and the accounts with their territory leave as CSV in the
 * columns of their example import profiles and load back through those profiles as the same data; bad rows are
 * quarantined naming row, column and reason while the rest load; set numbers that leave a manager's reports not
 * adding up stop the plan from publishing, naming the manager, and nothing is published.
 */
class PlanningImportExportTest extends AttainIntegrationTest {

    @Test
    void aPlansNumbersExportAndLoadBackAsTheSameAllocationAndBadRowsAreQuarantined() throws IOException {
        WebSession compAdmin = login("compadmin", "demo");
        ImportApiCalls imports = new ImportApiCalls(baseUrl(), compAdmin);
        JsonNode plan = QuotaPlansTest.created(
                compAdmin,
                "{\"name\":\"Round trip " + System.nanoTime() + "\",\"periodId\":\""
                        + QuotaPlansTest.nextYear(compAdmin)
                        + "\",\"target\":\"7654321.09\",\"defaultMethod\":\"HISTORY\"}");
        long id = plan.get("id").asLong();
        Map<Long, BigDecimal> before = topDown(compAdmin, id);

        String csv = compAdmin.get("/api/v1/quota-plans/" + id + "/targets.csv").body();
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("Plan,Employee,Period,Target,Currency");
        assertThat(csv.lines().count()).isEqualTo(before.size() + 1);
        String profile = example("quota-plan-targets.profile.yaml");
        ImportApiCalls.Done first = imports.load(profile, "targets.csv", csv);
        assertThat(first.summary()).isEqualTo("accepted=" + before.size() + " rejected=0 unchanged=0");
        assertThat(topDown(compAdmin, id))
                .as("every number set, the same allocation")
                .isEqualTo(before);
        assertThat(detail(compAdmin, id).get("lines"))
                .allSatisfy(l -> assertThat(l.get("set").asBoolean()).isTrue());
        assertThat(compAdmin.get("/api/v1/quota-plans/" + id + "/targets.csv").body())
                .isEqualTo(csv);
        assertThat(imports.load(profile, "targets.csv", csv).summary())
                .isEqualTo("accepted=0 rejected=0 unchanged=" + before.size());

        // One manager's number raised in the file: their reports no longer add up to them.
        JsonNode lines = detail(compAdmin, id).get("lines");
        JsonNode manager = lines.get(1);
        String managerRow = csv.lines()
                .filter(r -> r.startsWith(id + "," + employeeId(compAdmin, manager) + ","))
                .findFirst()
                .orElseThrow();
        String period = plan.get("periodId").asString();
        String edited = "Plan,Employee,Period,Target,Currency\n"
                + managerRow.replaceFirst(",[0-9.]+,USD$", ",99999999.99,USD") + "\n"
                + id + ",P99999," + period + ",1.00,USD\n"
                + id + "," + employeeId(compAdmin, manager) + "," + period + "-Q1,1.00,USD\n"
                + "no such plan,P00001," + period + ",1.00,USD\n"
                + id + ",P00001," + period + ",1.001,USD\n"
                + id + ",P00001," + period + ",1.00,EUR\n";
        ImportApiCalls.Done bad = imports.load(profile, "edited.csv", edited);
        assertThat(bad.summary()).isEqualTo("accepted=1 rejected=5 unchanged=0");
        assertThat(bad.problems())
                .anySatisfy(p -> assertThat(p).startsWith("3 | Employee | P99999 | unknown person"))
                .anySatisfy(p -> assertThat(p).startsWith("4 | ").contains("appears more than once"))
                .anySatisfy(
                        p -> assertThat(p).startsWith("5 | Plan | no such plan | there is no quota plan no such plan"))
                .anySatisfy(p -> assertThat(p).startsWith("6 | Target | 1.001 | must be whole cents"))
                .anySatisfy(p -> assertThat(p)
                        .startsWith("7 | Currency | EUR | plan " + id)
                        .contains("is in USD"));
        JsonNode after = detail(compAdmin, id).get("lines");
        long managerId = manager.get("node").get("personId").asLong();
        assertThat(noteOf(after, managerId)).isEqualTo("planning.note.SET_NUMBERS_DO_NOT_ADD_UP");
        assertThat(noteOf(after, after.get(0).get("node").get("personId").asLong()))
                .isEqualTo("planning.note.SET_NUMBERS_EXCEED_PARENT");

        // Reviewed and approved, it still does not add up: publishing is refused whole, naming the managers.
        String firstQuarter = period + "-Q1";
        String quotasBefore =
                compAdmin.get("/api/v1/quotas?period=" + firstQuarter).body();
        assertThat(move(compAdmin, id, "IN_REVIEW").statusCode()).isEqualTo(200);
        assertThat(move(compAdmin, id, "APPROVED").statusCode()).isEqualTo(200);
        HttpResponse<String> refused = move(compAdmin, id, "PUBLISHED");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(refused.body())
                .contains("\"field\":\"nodes["
                        + after.get(0).get("node").get("personId").asLong() + "]\"")
                .contains("add up to")
                .contains("99999999.99");
        assertThat(detail(compAdmin, id).get("plan").get("state").asString()).isEqualTo("APPROVED");
        assertThat(compAdmin.get("/api/v1/quotas?period=" + firstQuarter).body())
                .isEqualTo(quotasBefore);
        // Approved: no number changes any more, from the API or an import.
        var late = compAdmin.sendJson(
                "PUT", "/api/v1/quota-plans/" + id + "/nodes/" + managerId + "/target", "{\"amount\":\"1.00\"}");
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.body()).contains("\"field\":\"state\"").contains("only while the plan is a draft");
    }

    @Test
    void submissionsExportAndLoadBackUnchangedAndARepCannotSubmit() throws IOException {
        WebSession compAdmin = login("compadmin", "demo");
        ImportApiCalls imports = new ImportApiCalls(baseUrl(), compAdmin);
        long id = QuotaPlansTest.created(
                        compAdmin,
                        "{\"name\":\"Submissions " + System.nanoTime() + "\",\"periodId\":\""
                                + QuotaPlansTest.nextYear(compAdmin) + "\",\"target\":\"5000000\"}")
                .get("id")
                .asLong();
        JsonNode lines = detail(compAdmin, id).get("lines");
        JsonNode manager = lines.get(1);
        JsonNode rep = null;
        for (JsonNode l : lines) {
            if (l.get("leaf").asBoolean()) {
                rep = l;
            }
        }
        var submitted = compAdmin.sendJson(
                "PUT",
                "/api/v1/quota-plans/" + id + "/nodes/"
                        + manager.get("node").get("personId").asLong() + "/submission",
                "{\"amount\":\"1234567.89\"}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        String csv =
                compAdmin.get("/api/v1/quota-plans/" + id + "/submissions.csv").body();
        assertThat(csv)
                .isEqualTo("Plan,Manager,Period,Submitted,Currency\n" + id + "," + employeeId(compAdmin, manager) + ","
                        + detail(compAdmin, id).get("plan").get("periodId").asString() + ",1234567.89,USD\n");
        String profile = example("quota-plan-submissions.profile.yaml");
        assertThat(imports.load(profile, "submissions.csv", csv).summary())
                .isEqualTo("accepted=0 rejected=0 unchanged=1");
        String period = detail(compAdmin, id).get("plan").get("periodId").asString();
        ImportApiCalls.Done more = imports.load(
                profile,
                "more.csv",
                "Plan,Manager,Period,Submitted,Currency\n" + id + "," + employeeId(compAdmin, manager) + "," + period
                        + ",1300000.00,\n" + id + "," + employeeId(compAdmin, rep) + "," + period + ",5.00,USD\n");
        assertThat(more.summary()).isEqualTo("accepted=1 rejected=1 unchanged=0");
        assertThat(more.problems())
                .singleElement()
                .asString()
                .startsWith("3 | Manager | " + employeeId(compAdmin, rep) + " | only a manager submits");
        assertThat(compAdmin
                        .get("/api/v1/quota-plans/" + id + "/submissions.csv")
                        .body())
                .contains(",1300000.00,USD");
    }

    @Test
    void quotasAndAccountsWithTheirTerritoryExportAndLoadBackUnchanged() throws IOException {
        WebSession compAdmin = login("compadmin", "demo");
        ImportApiCalls imports = new ImportApiCalls(baseUrl(), compAdmin);
        String quarter = QuotaPlansTest.nextYear(compAdmin) + "-Q1";
        String quotas = compAdmin.get("/quotas/export.csv?period=" + quarter).body();
        assertThat(quotas.lines().findFirst().orElseThrow()).isEqualTo("Rep,Quarter,Measure,Quota,Currency,Prorate");
        long rows = quotas.lines().count() - 1;
        assertThat(rows).as("the demo has next year's quotas").isPositive();
        assertThat(imports.load(example("quotas-export.profile.yaml"), "quotas.csv", quotas)
                        .summary())
                .isEqualTo("accepted=0 rejected=0 unchanged=" + rows);

        String accounts = compAdmin
                .get("/territories/export/assignments.csv?hierarchy=SALES&source=attain&date=" + TODAY)
                .body();
        List<String> lines = accounts.lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("Source,Account ID,Account Name,Industry,Country,Postal Code,Segment,Employees,Region,"
                        + "Account Owner,Territory,Territory Name,On");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(",DE-STRAT,"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(",NZ,").endsWith(",," + TODAY));
        assertThat(imports.load(example("account-territories.profile.yaml"), "assignments.csv", accounts)
                        .summary())
                .isEqualTo("accepted=0 rejected=0 unchanged=" + (lines.size() - 1));
        assertThat(login("rep", "demo").get("/quotas/export.csv").statusCode()).isEqualTo(403);
        assertThat(login("rep", "demo")
                        .get("/territories/export/assignments.csv")
                        .statusCode())
                .isEqualTo(403);
    }

    static String example(String name) throws IOException {
        return Files.readString(Path.of("../examples/imports", name));
    }

    private static String employeeId(WebSession s, JsonNode line) {
        return Json.parse(s.get("/api/v1/people/"
                                + line.get("node").get("personId").asLong())
                        .body())
                .get("externalId")
                .asString();
    }

    private static Map<Long, BigDecimal> topDown(WebSession s, long id) {
        Map<Long, BigDecimal> out = new LinkedHashMap<>();
        detail(s, id)
                .get("lines")
                .forEach(l -> out.put(
                        l.get("node").get("personId").asLong(),
                        l.get("topDown").decimalValue().setScale(2)));
        return out;
    }

    private static String noteOf(JsonNode lines, long personId) {
        List<String> notes = new ArrayList<>();
        lines.forEach(l -> {
            if (l.get("node").get("personId").asLong() == personId) {
                notes.add(l.get("note").isNull() ? null : l.get("note").asString());
            }
        });
        return notes.get(0);
    }

    private static JsonNode detail(WebSession session, long id) {
        var response = session.get("/api/v1/quota-plans/" + id);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.parse(response.body());
    }

    private static HttpResponse<String> move(WebSession session, long id, String state) {
        return session.sendJson("POST", "/api/v1/quota-plans/" + id + "/state", "{\"state\":\"" + state + "\"}");
    }
}
