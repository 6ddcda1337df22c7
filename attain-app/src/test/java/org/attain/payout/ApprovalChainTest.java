package org.attain.payout;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Multi-level approvals over HTTP: a team whose chain is "manager, then finance" passes both levels in that order,
 * each by its own approver and never twice by the same person; a manager approves only their subtree while finance
 * sees everyone; bulk approval approves the unchanged payouts only. Without a chain the single level stays as it was
 * (PayoutApprovalTest).
 */
class ApprovalChainTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    PayoutFixtures cast;
    Long chainId;

    @BeforeEach
    void cast() {
        cast = new PayoutFixtures(jdbc, this::login);
    }

    @AfterEach
    void removeChain() {
        if (chainId != null) {
            login("compadmin", "demo").sendJson("DELETE", "/api/v1/approvals/chains/" + chainId, null);
        }
    }

    @Test
    void managerThenFinanceInOrderEachByTheirOwnApprover() {
        List<Long> team = teammatesInOneTeam();
        long first = team.get(0);
        long second = team.get(1);
        HttpResponse<String> chain = login("compadmin", "demo")
                .sendJson(
                        "POST",
                        "/api/v1/approvals/chains",
                        "{\"teamId\":" + teamOf(first) + ",\"levels\":[\"MANAGER\",\"FINANCE\"]}");
        assertThat(chain.statusCode()).isEqualTo(201);
        chainId = Json.parse(chain.body()).get("id").asLong();
        WebSession manager = login("manager", "demo");
        WebSession finance = login("finance", "demo");

        // Level 2 (finance) cannot go before level 1 (the manager).
        HttpResponse<String> tooEarly = approve(finance, first);
        assertThat(tooEarly.statusCode()).isEqualTo(403);
        assertThat(Json.parse(tooEarly.body()).get("detail").asString()).contains("Level 1 of 2");

        HttpResponse<String> level1 = approve(manager, first);
        assertThat(level1.statusCode()).isEqualTo(201);
        assertThat(Json.parse(level1.body()).get("level").asInt()).isEqualTo(1);
        assertThat(Json.parse(level1.body()).get("levels").asInt()).isEqualTo(2);
        JsonNode waiting = row(finance, first, "&level=2");
        assertThat(waiting.get("item").get("state").asString()).isEqualTo("PENDING");
        assertThat(waiting.get("item").get("waitingFor").asString()).isEqualTo("FINANCE");
        assertThat(waiting.get("item").get("canApprove").asBoolean())
                .as("finance sees what waits for it")
                .isTrue();
        assertThat(row(manager, first, "").get("item").get("canApprove").asBoolean())
                .as("the manager's level is done")
                .isFalse();
        assertThat(payrollIds()).as("not paid before the last level").doesNotContain(first);

        // The manager may not approve the finance level.
        assertThat(approve(manager, first).statusCode()).isEqualTo(403);

        HttpResponse<String> level2 = approve(finance, first);
        assertThat(level2.statusCode()).isEqualTo(201);
        assertThat(Json.parse(level2.body()).get("level").asInt()).isEqualTo(2);
        assertThat(row(finance, first, "").get("item").get("state").asString()).isEqualTo("APPROVED");
        assertThat(payrollIds()).contains(first);
        assertThat(jdbc.sql("""
                        select string_agg(actor || ':' || (after ->> 'level'), ',' order by id) from audit_log
                        where action = 'PAYOUT_LEVEL_APPROVED' and entity_id = :e""")
                        .param("e", first + "/" + cast.quarter)
                        .query(String.class)
                        .single())
                .as("the audit names who approved which level")
                .isEqualTo("manager:1,finance:2");

        // An admin may approve either level, but not both of one payout.
        WebSession admin = login("admin", "demo");
        assertThat(approve(admin, second).statusCode()).isEqualTo(201);
        HttpResponse<String> twice = approve(admin, second);
        assertThat(twice.statusCode()).isEqualTo(403);
        assertThat(Json.parse(twice.body()).get("detail").asString()).contains("earlier level");
        assertThat(approve(finance, second).statusCode()).isEqualTo(201);
    }

    @Test
    void aManagerReviewsAndApprovesOnlyTheirSubtreeWhileFinanceSeesEveryone() {
        WebSession manager = login("manager", "demo");
        List<Long> seen = ids(manager);
        Set<Long> subtree = Set.copyOf(subtree());
        assertThat(seen).isNotEmpty().allMatch(subtree::contains);
        long outsider = cast.outsiders().get(5);
        assertThat(seen).doesNotContain(outsider);
        assertThat(approve(manager, outsider).statusCode()).isEqualTo(404);
        JsonNode bulk = Json.parse(manager.sendJson(
                        "POST",
                        "/api/v1/approvals/bulk",
                        "{\"period\":\"" + cast.quarter + "\",\"personIds\":[" + outsider + "],\"tolerance\":50}")
                .body());
        assertThat(bulk.get("approved")).isEmpty();
        assertThat(bulk.get("notYours").asInt()).isEqualTo(1);

        int everyone = jdbc.sql("select count(*) from calc_current_result_v where period_id = :q")
                .param("q", cast.quarter)
                .query(Integer.class)
                .single();
        assertThat(review(login("finance", "demo"), "").get("total").asInt()).isEqualTo(everyone);
        assertThat(login("rep", "demo")
                        .get("/api/v1/approvals/review?period=" + cast.quarter)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void bulkApproveApprovesTheUnchangedPayoutsAndSkipsTheChangedOnes() {
        WebSession admin = login("admin", "demo");
        JsonNode unchanged = null;
        JsonNode changed = null;
        Set<Long> mine = Set.copyOf(subtree());
        for (int p = 0; p < 10 && (unchanged == null || changed == null); p++) {
            JsonNode page = review(admin, "&state=PENDING&page=" + p);
            for (JsonNode r : page.get("rows")) {
                long id = r.get("item").get("personId").asLong();
                if (mine.contains(id) || !r.get("item").get("canApprove").asBoolean()) {
                    continue;
                }
                if (unchanged == null && r.get("bulk").asBoolean()) {
                    unchanged = r;
                } else if (changed == null
                        && !r.get("unchanged").asBoolean()
                        && r.get("reference") != null
                        && !r.get("reference").isNull()) {
                    changed = r;
                }
            }
        }
        assertThat(unchanged).as("the demo has an unchanged payout").isNotNull();
        assertThat(changed).as("and a changed one").isNotNull();
        // Unchanged: within 2 % of the reference (last quarter's payout), checked here from the numbers themselves.
        BigDecimal now = unchanged.get("item").get("payout").decimalValue();
        BigDecimal before = unchanged.get("reference").decimalValue();
        assertThat(now.subtract(before).abs()).isLessThanOrEqualTo(before.abs().multiply(new BigDecimal("0.02")));
        BigDecimal changedNow = changed.get("item").get("payout").decimalValue();
        BigDecimal changedBefore = changed.get("reference").decimalValue();
        assertThat(changedNow.subtract(changedBefore).abs())
                .isGreaterThan(changedBefore.abs().multiply(new BigDecimal("0.02")));

        long u = unchanged.get("item").get("personId").asLong();
        long c = changed.get("item").get("personId").asLong();
        JsonNode result = Json.parse(admin.sendJson(
                        "POST",
                        "/api/v1/approvals/bulk",
                        "{\"period\":\"" + cast.quarter + "\",\"personIds\":[" + u + "," + c + "]}")
                .body());
        assertThat(result.get("approved")).hasSize(1);
        assertThat(result.get("approved").get(0).asLong()).isEqualTo(u);
        assertThat(result.get("changed").asInt()).isEqualTo(1);
        assertThat(row(admin, u, "").get("item").get("state").asString()).isEqualTo("APPROVED");
        assertThat(row(admin, c, "").get("item").get("state").asString()).isEqualTo("PENDING");
    }

    private HttpResponse<String> approve(WebSession s, long payee) {
        return s.sendJson(
                "POST", "/api/v1/approvals", "{\"personId\":" + payee + ",\"period\":\"" + cast.quarter + "\"}");
    }

    private JsonNode review(WebSession s, String query) {
        HttpResponse<String> r = s.get("/api/v1/approvals/review?period=" + cast.quarter + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.parse(r.body());
    }

    /** The payee's row in the reviewer's queue, looked for page by page. */
    private JsonNode row(WebSession s, long payee, String query) {
        for (int p = 0; p < 20; p++) {
            JsonNode page = review(s, query + "&page=" + p);
            for (JsonNode r : page.get("rows")) {
                if (r.get("item").get("personId").asLong() == payee) {
                    return r;
                }
            }
            if (p + 1 >= page.get("pages").asInt()) {
                break;
            }
        }
        throw new AssertionError("payee " + payee + " not in the queue");
    }

    private List<Long> ids(WebSession s) {
        List<Long> out = new ArrayList<>();
        for (int p = 0; p < 20; p++) {
            JsonNode page = review(s, "&page=" + p);
            page.get("rows").forEach(r -> out.add(r.get("item").get("personId").asLong()));
            if (p + 1 >= page.get("pages").asInt()) {
                break;
            }
        }
        return out;
    }

    private List<Long> payrollIds() {
        List<Long> out = new ArrayList<>();
        Json.parse(login("finance", "demo")
                        .get("/api/v1/payroll/" + cast.quarter + "/payouts")
                        .body())
                .forEach(i -> out.add(i.get("personId").asLong()));
        return out;
    }

    private long teamOf(long person) {
        // -1 for no team: people other tests make (an HR import) may have none
        return jdbc.sql("select coalesce(team_id, -1) from person where id = :p")
                .param("p", person)
                .query(Long.class)
                .single();
    }

    /** Two or more of the manager's direct reports in one team, none approved yet. */
    private List<Long> teammatesInOneTeam() {
        List<Long> mates = cast.teammates().stream()
                .filter(id -> jdbc.sql("select count(*) from payout_approval where person_id = :p and period_id = :q")
                                .param("p", id)
                                .param("q", cast.quarter)
                                .query(Long.class)
                                .single()
                        == 0)
                .filter(id -> teamOf(id) > 0)
                .toList();
        long team = teamOf(mates.get(0));
        List<Long> same = mates.stream().filter(id -> teamOf(id) == team).toList();
        assertThat(same).hasSizeGreaterThanOrEqualTo(2);
        return same;
    }

    private List<Long> subtree() {
        return jdbc.sql("""
                with recursive sub(id) as (select cast(:m as bigint) union
                  select rl.person_id from reporting_line rl join sub on rl.manager_id = sub.id
                  where rl.valid_from <= cast(:today as date) and (rl.valid_until is null or rl.valid_until > cast(:today as date)))
                select id from sub""")
                .param("m", cast.manager)
                .param("today", org.attain.support.AttainIntegrationTest.TODAY)
                .query(Long.class)
                .list();
    }
}
