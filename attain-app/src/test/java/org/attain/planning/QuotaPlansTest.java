package org.attain.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A quota plan over the demo company's reporting tree for next fiscal year, through the API: allocated top-down so
 * that every manager's reports add up to the manager exactly, answered bottom-up by a manager for their own subtree,
 * moved through review and approval, published as quarter quotas (audited, recalculated), or refused whole.
 */
class QuotaPlansTest extends AttainIntegrationTest {

    @Test
    void aPlanAddsUpAtEveryNodeIsAnsweredBottomUpAndPublishesQuarterQuotas() throws InterruptedException {
        WebSession compAdmin = login("compadmin", "demo");
        String year = nextYear(compAdmin);
        JsonNode plan = created(
                compAdmin,
                "{\"name\":\"Next year by history\",\"periodId\":\"" + year
                        + "\",\"target\":\"12000000.01\",\"defaultMethod\":\"HISTORY\"}");
        long id = plan.get("id").asLong();
        assertThat(plan.get("state").asString()).isEqualTo("DRAFT");

        JsonNode lines = detail(compAdmin, id).get("lines");
        assertThat(lines.size()).isGreaterThan(10);
        assertThat(lines.get(0).get("topDown").decimalValue()).isEqualByComparingTo("12000000.01");
        assertEveryNodeAddsUp(lines);

        // One regional VP splits evenly: every report gets the same but the first by id, who takes the residue.
        JsonNode vp = lines.get(1);
        long vpId = vp.get("node").get("personId").asLong();
        var changed = compAdmin.sendJson(
                "PUT", "/api/v1/quota-plans/" + id + "/nodes/" + vpId + "/method", "{\"method\":\"EVEN\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        lines = Json.parse(changed.body()).get("lines");
        assertEveryNodeAddsUp(lines);
        TreeMap<Long, BigDecimal> vpReports = new TreeMap<>();
        lines.forEach(l -> {
            if (l.get("node").path("parentId").asLong(-1) == vpId) {
                vpReports.put(
                        l.get("node").get("personId").asLong(), l.get("topDown").decimalValue());
            }
        });
        assertThat(vpReports).hasSizeGreaterThan(1);
        vpReports.pollFirstEntry();
        assertThat(vpReports.values().stream()
                        .map(BigDecimal::stripTrailingZeros)
                        .distinct())
                .hasSize(1);

        // By account potential: the VP's reports get shares in the order of their accounts' potential.
        var potential = compAdmin.sendJson(
                "PUT", "/api/v1/quota-plans/" + id + "/nodes/" + vpId + "/method", "{\"method\":\"POTENTIAL\"}");
        assertThat(potential.statusCode()).as(potential.body()).isEqualTo(200);
        List<BigDecimal[]> byPotential = new ArrayList<>();
        BigDecimal vpNumber = null;
        for (JsonNode l : detail(compAdmin, id).get("lines")) {
            if (l.get("node").get("personId").asLong() == vpId) {
                vpNumber = l.get("topDown").decimalValue();
            } else if (l.get("node").path("parentId").asLong(-1) == vpId) {
                byPotential.add(new BigDecimal[] {
                    l.get("node").get("potential").decimalValue(),
                    l.get("topDown").decimalValue()
                });
            }
        }
        byPotential.sort(java.util.Comparator.comparing((BigDecimal[] a) -> a[0]));
        assertThat(byPotential).hasSizeGreaterThan(1);
        assertThat(byPotential.get(0)[0].signum())
                .as("the demo accounts have potential")
                .isPositive();
        assertThat(byPotential.stream().map(a -> a[1]).toList())
                .as("more potential, a bigger share")
                .isSorted();
        assertThat(byPotential.stream().map(a -> a[1]).reduce(BigDecimal.ZERO, BigDecimal::add))
                .as("the shares add up to the VP's number")
                .isEqualByComparingTo(vpNumber);
        assertThat(compAdmin
                        .sendJson(
                                "PUT",
                                "/api/v1/quota-plans/" + id + "/nodes/" + vpId + "/method",
                                "{\"method\":\"EVEN\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(compAdmin
                        .sendJson("PATCH", "/api/v1/quota-plans/" + id, "{\"upliftPercent\":\"10\"}")
                        .statusCode())
                .isEqualTo(200);

        // The demo manager sees the plan without the company target, only their subtree, and submits for it.
        WebSession manager = login("manager", "demo");
        long managerId = Json.parse(manager.get("/api/v1/me").body()).get("id").asLong();
        JsonNode managerView = detail(manager, id);
        assertThat(managerView.get("plan").path("target").isMissingNode()
                        || managerView.get("plan").get("target").isNull())
                .isTrue();
        assertThat(managerView.get("lines").get(0).get("node").get("personId").asLong())
                .isEqualTo(managerId);
        assertThat(managerView.get("lines").size()).isLessThan(lines.size());
        var submitted = manager.sendJson(
                "PUT",
                "/api/v1/quota-plans/" + id + "/nodes/" + managerId + "/submission",
                "{\"amount\":\"1000000.05\"}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        JsonNode own = Json.parse(submitted.body()).get("lines").get(0);
        assertThat(own.get("bottomUp").decimalValue())
                .isEqualByComparingTo("1100000.06"); // 1,000,000.05 × 1.10, HALF_EVEN
        assertThat(own.get("gap").decimalValue())
                .isEqualByComparingTo(
                        new BigDecimal("1100000.06").subtract(own.get("topDown").decimalValue()));
        assertThat(manager.sendJson(
                                "PUT",
                                "/api/v1/quota-plans/" + id + "/nodes/" + vpId + "/submission",
                                "{\"amount\":\"1\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(manager.sendJson("POST", "/api/v1/quota-plans/" + id + "/state", "{\"state\":\"IN_REVIEW\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(login("rep", "demo").get("/api/v1/quota-plans").statusCode()).isEqualTo(403);

        assertThat(move(compAdmin, id, "PUBLISHED").statusCode()).isEqualTo(400);
        assertThat(move(compAdmin, id, "IN_REVIEW").statusCode()).isEqualTo(200);
        assertThat(move(compAdmin, id, "APPROVED").statusCode()).isEqualTo(200);
        var published = move(compAdmin, id, "PUBLISHED");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(Json.parse(published.body()).get("publishedBy").asString()).isEqualTo("compadmin");

        // The rep's quarters add up to their top-down number (the rep works in the plan's currency).
        long rep = Json.parse(login("rep", "demo").get("/api/v1/me").body())
                .get("id")
                .asLong();
        BigDecimal repNumber = null;
        for (JsonNode l : detail(compAdmin, id).get("lines")) {
            if (l.get("node").get("personId").asLong() == rep) {
                repNumber = l.get("topDown").decimalValue();
            }
        }
        assertThat(repNumber).isNotNull();
        BigDecimal quarters = BigDecimal.ZERO;
        for (JsonNode q : Json.parse(compAdmin
                .get("/api/v1/periods?kind=QUARTER&fiscalYear=" + fiscalYear(compAdmin, year))
                .body())) {
            for (JsonNode row : Json.parse(compAdmin
                    .get("/api/v1/quotas?period=" + q.get("id").asString())
                    .body())) {
                if (row.get("personId").asLong() == rep) {
                    quarters = quarters.add(row.get("amount").decimalValue());
                    assertThat(row.get("amount").decimalValue())
                            .isCloseTo(
                                    repNumber.divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_EVEN),
                                    org.assertj.core.data.Offset.offset(new BigDecimal("0.01")));
                }
            }
        }
        assertThat(quarters).isEqualByComparingTo(repNumber);
        assertThat(login("admin", "demo")
                        .get("/api/v1/audit?action=QUOTA_PLAN_PUBLISHED")
                        .body())
                .contains("\"" + id + "\"");
        assertThat(login("admin", "demo")
                        .get("/api/v1/audit?action=QUOTA_SET&limit=1000")
                        .body())
                .contains("\"" + rep + "/")
                .contains("quota plan " + id + " published");
        assertThat(waitForRun(compAdmin, "quota plan " + id + " published")).isTrue();
        assertThat(compAdmin
                        .sendJson(
                                "PUT",
                                "/api/v1/quota-plans/" + id + "/nodes/" + managerId + "/submission",
                                "{\"amount\":\"1\"}")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void aPlanWithAClosedQuarterIsRefusedWholeAndWritesNoQuota() {
        WebSession compAdmin = login("compadmin", "demo");
        String year = nextYear(compAdmin);
        JsonNode quartersOfYear = Json.parse(compAdmin
                .get("/api/v1/periods?kind=QUARTER&fiscalYear=" + fiscalYear(compAdmin, year))
                .body());
        String first = quartersOfYear.get(0).get("id").asString();
        String last = quartersOfYear.get(quartersOfYear.size() - 1).get("id").asString();
        long id = created(compAdmin, "{\"name\":\"Refused\",\"periodId\":\"" + year + "\",\"target\":\"987654.32\"}")
                .get("id")
                .asLong();
        Map<Long, BigDecimal> before = quotas(compAdmin, first);
        move(compAdmin, id, "IN_REVIEW");
        move(compAdmin, id, "APPROVED");
        assertThat(compAdmin
                        .sendJson("POST", "/api/v1/periods/" + last + "/close", "{}")
                        .statusCode())
                .isEqualTo(200);
        try {
            var refused = move(compAdmin, id, "PUBLISHED");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains(last + " is closed");
            assertThat(quotas(compAdmin, first)).isEqualTo(before);
            assertThat(detail(compAdmin, id).get("plan").get("state").asString())
                    .isEqualTo("APPROVED");
        } finally {
            var reopened = compAdmin.sendJson(
                    "POST", "/api/v1/periods/" + last + "/reopen", "{\"reason\":\"test of a refused quota plan\"}");
            assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(200);
        }
        var noName = compAdmin.sendJson(
                "POST", "/api/v1/quota-plans", "{\"periodId\":\"" + year + "\",\"target\":\"1.001\"}");
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(noName.body()).contains("\"name\"").contains("\"target\"").contains("whole cents");
    }

    /** Access matrix defects: a rep's empty submission form and a manager's empty methods form were thanked, not refused. */
    @Test
    void aRepsSubmissionAndAManagersMethodFormAreRefusedRatherThanThanked() {
        WebSession compAdmin = login("compadmin", "demo");
        long id = created(
                        compAdmin,
                        "{\"name\":\"Not the rep's\",\"periodId\":\"" + nextYear(compAdmin) + "\",\"target\":\"1000\"}")
                .get("id")
                .asLong();
        HttpResponse<String> rep = login("rep", "demo").postForm("/planning/quotas/" + id + "/submissions", Map.of());
        assertThat(rep.statusCode()).isEqualTo(403);
        // A manager answers bottom-up but does not choose allocation methods: refused, not "saved".
        HttpResponse<String> manager =
                login("manager", "demo").postForm("/planning/quotas/" + id + "/methods", Map.of());
        assertThat(manager.statusCode()).isEqualTo(403);
    }

    @Test
    void theAllocationExportsAsCsv() {
        WebSession compAdmin = login("compadmin", "demo");
        long id = created(
                        compAdmin,
                        "{\"name\":\"Export\",\"periodId\":\"" + nextYear(compAdmin) + "\",\"target\":\"3000000\"}")
                .get("id")
                .asLong();
        HttpResponse<String> csv = compAdmin.get("/api/v1/quota-plans/" + id + "/allocation.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        String[] rows = csv.body().split("\n");
        assertThat(rows[0])
                .isEqualTo("plan_id,period_id,measure,person_id,manager_id,name,title,depth,method,top_down,submitted,"
                        + "bottom_up,gap,currency");
        assertThat(rows[1]).contains(",3000000.00,");
        assertThat(rows.length).isEqualTo(detail(compAdmin, id).get("lines").size() + 1);
    }

    static void assertEveryNodeAddsUp(JsonNode lines) {
        Map<Long, BigDecimal> own = new HashMap<>();
        Map<Long, BigDecimal> reports = new HashMap<>();
        lines.forEach(l -> {
            own.put(l.get("node").get("personId").asLong(), l.get("topDown").decimalValue());
            if (!l.get("node").path("parentId").isMissingNode()
                    && !l.get("node").path("parentId").isNull()) {
                reports.merge(
                        l.get("node").get("parentId").asLong(), l.get("topDown").decimalValue(), BigDecimal::add);
            }
        });
        assertThat(reports).isNotEmpty();
        reports.forEach(
                (manager, sum) -> assertThat(sum).as("reports of %d", manager).isEqualByComparingTo(own.get(manager)));
    }

    static String nextYear(WebSession session) {
        int next = Json.parse(session.get("/api/v1/periods/current?kind=YEAR").body())
                        .get("fiscalYear")
                        .asInt()
                + 1;
        return Json.parse(session.get("/api/v1/periods?kind=YEAR&fiscalYear=" + next)
                        .body())
                .get(0)
                .get("id")
                .asString();
    }

    private static int fiscalYear(WebSession session, String periodId) {
        return Json.parse(session.get("/api/v1/periods/" + periodId).body())
                .get("fiscalYear")
                .asInt();
    }

    static JsonNode created(WebSession session, String body) {
        var response = session.sendJson("POST", "/api/v1/quota-plans", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Json.parse(response.body());
    }

    private static JsonNode detail(WebSession session, long id) {
        var response = session.get("/api/v1/quota-plans/" + id);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.parse(response.body());
    }

    private static HttpResponse<String> move(WebSession session, long id, String state) {
        return session.sendJson("POST", "/api/v1/quota-plans/" + id + "/state", "{\"state\":\"" + state + "\"}");
    }

    private static Map<Long, BigDecimal> quotas(WebSession session, String period) {
        Map<Long, BigDecimal> out = new HashMap<>();
        Json.parse(session.get("/api/v1/quotas?period=" + period).body()).forEach(r -> {
            if (!r.get("amount").isNull()) {
                out.put(r.get("personId").asLong(), r.get("amount").decimalValue());
            }
        });
        return out;
    }

    private static boolean waitForRun(WebSession session, String trigger) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)) {
            if (session.get("/api/v1/calc/runs").body().contains(trigger)) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }
}
