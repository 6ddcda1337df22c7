package org.attain.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attain.calc.CalcRuns;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Separation of duties as a matrix of role x {approve own pay, adjust own pay, approve someone else's
 * in scope}: no role approves or adjusts its own pay, through the API or the pages; a refusal is a
 * 403 problem with the reason in the caller's language and stays in the audit log. The back-office
 * logins get a plan, a won deal and a calculated payout first, as in the report that found the hole,
 * so "approve own" would otherwise succeed.
 */
class OwnPayMatrixTest extends AttainIntegrationTest {

    private static final List<String> LOGINS = List.of("rep", "manager", "finance", "compadmin", "admin");
    private static final Map<String, Long> PEOPLE = new HashMap<>();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CalcRuns runs;

    PayoutFixtures cast;

    @BeforeEach
    void everyLoginIsAPayeeWithCalculatedPay() {
        cast = new PayoutFixtures(jdbc, this::login);
        synchronized (PEOPLE) {
            if (!PEOPLE.isEmpty()) {
                return;
            }
            for (String login : LOGINS) {
                PEOPLE.put(
                        login,
                        Json.parse(login(login, "demo").get("/api/v1/me").body())
                                .get("id")
                                .asLong());
            }
            for (String login : List.of("finance", "compadmin", "admin")) {
                givePlanAndDeal(PEOPLE.get(login));
            }
            runs.runFor(
                    Set.of(PEOPLE.get("finance"), PEOPLE.get("compadmin"), PEOPLE.get("admin")),
                    "own pay test",
                    "test");
        }
        for (String login : LOGINS) {
            assertThat(payout(PEOPLE.get(login)))
                    .as("%s has a calculated payout in %s", login, cast.quarter)
                    .isNotNull();
        }
    }

    @ParameterizedTest(name = "{0}: approve own {1}, adjust own {2}, approve another in scope {3}")
    @CsvSource({
        // A rep's scope is themself only: a teammate is not visible, so it is not there (404).
        "rep,       403, 403, 404",
        "manager,   403, 403, 201",
        // Finance pays; it never approves, so payer and approver stay two people.
        "finance,   403, 403, 403",
        "compadmin, 403, 403, 201",
        "admin,     403, 403, 201"
    })
    void nobodyApprovesOrAdjustsTheirOwnPayWhateverTheirRole(
            String login, int approveOwn, int adjustOwn, int approveOther) {
        long me = PEOPLE.get(login);
        WebSession session = login(login, "demo");
        long refusedBefore = refusalsRecorded(login, me + "/" + cast.quarter);

        HttpResponse<String> approved = approve(session, me);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(approveOwn);
        assertOwnPayRefusal(approved, "ownPay.approve", "You cannot approve your own payout");
        assertThat(approvalsOf(me, login))
                .as("no approval of %s's own pay was written", login)
                .isZero();

        HttpResponse<String> adjusted = adjust(session, me, "self");
        assertThat(adjusted.statusCode()).as(adjusted.body()).isEqualTo(adjustOwn);
        assertOwnPayRefusal(adjusted, "ownPay.adjust", "You cannot record an adjustment to your own pay");
        assertThat(jdbc.sql("select count(*) from payout_adjustment where person_id = :p and created_by = :by")
                        .param("p", me)
                        .param("by", login)
                        .query(Long.class)
                        .single())
                .isZero();

        assertThat(refusalsRecorded(login, me + "/" + cast.quarter))
                .as("both refusals are audited")
                .isEqualTo(refusedBefore + 2);

        long other = otherInScope(login);
        assertThat(approve(session, other).statusCode())
                .as("%s approving person %s", login, other)
                .isEqualTo(approveOther);
    }

    @Test
    void theRefusalIsExplainedInGermanToAGermanCaller() {
        WebSession compadmin = login("compadmin", "demo");
        compadmin.get("/api/v1/me?lang=de");
        JsonNode problem =
                Json.parse(adjust(compadmin, PEOPLE.get("compadmin"), "selbst").body());
        assertThat(problem.get("status").asInt()).isEqualTo(403);
        assertThat(problem.get("detail").asString())
                .startsWith("Sie können keine Korrekturbuchung auf Ihre eigene Vergütung");
        assertThat(problem.get("title").asString()).isEqualTo("Nicht erlaubt");
    }

    @Test
    void anotherAdminApprovesAndAdjustsTheCompAdminsPayAndOnlyThenPayrollCarriesIt() {
        long compadmin = PEOPLE.get("compadmin");
        assertThat(payrollPersonIds()).doesNotContain(compadmin);
        WebSession admin = login("admin", "demo");
        assertThat(adjust(admin, compadmin, "Second pair of eyes").statusCode()).isEqualTo(201);
        assertThat(approve(admin, compadmin).statusCode()).isEqualTo(201);
        assertThat(payrollPersonIds()).contains(compadmin);
    }

    @Test
    void thePagesHideTheOwnApprovalExplainWhyAndRefuseAForgedPost() {
        long me = PEOPLE.get("manager");
        WebSession manager = login("manager", "demo");
        String queue = manager.get("/approvals?period=" + cast.quarter).body();
        assertThat(queue)
                .contains("data-test=\"own-pay-" + me + "\"")
                .contains("Your own payout: another approver approves it.")
                .doesNotContain("data-test=\"approve-" + me + "\"");

        HttpResponse<String> forged =
                manager.postForm("/approvals/approve", Map.of("person", String.valueOf(me), "period", cast.quarter));
        assertThat(forged.statusCode()).isEqualTo(302);
        assertThat(manager.get(forged.headers()
                                .firstValue("Location")
                                .orElseThrow()
                                .substring(baseUrl().length()))
                        .body())
                .contains("You cannot approve your own payout");
        assertThat(approvalsOf(me, "manager")).isZero();

        WebSession compadmin = login("compadmin", "demo");
        assertThat(compadmin.get("/adjustments?period=" + cast.quarter).body()).contains("data-test=\"own-pay-hint\"");
        HttpResponse<String> form = compadmin.postForm(
                "/adjustments",
                Map.of(
                        "employeeId",
                        externalId(PEOPLE.get("compadmin")),
                        "period",
                        cast.quarter,
                        "amount",
                        "5000",
                        "currency",
                        currency(PEOPLE.get("compadmin")),
                        "reason",
                        "self"));
        assertThat(form.statusCode()).isEqualTo(403);
        assertThat(form.body()).contains("You cannot record an adjustment to your own pay");
    }

    @Test
    void nobodyWorksADisputeOnTheirOwnPayButAnotherAdminDoes() {
        long me = PEOPLE.get("compadmin");
        WebSession compadmin = login("compadmin", "demo");
        HttpResponse<String> opened = compadmin.sendJson(
                "POST",
                "/api/v1/disputes",
                PayoutFixtures.disputeJson(me, cast.quarter, cast.firstLine(me), "My own split looks wrong"));
        assertThat(opened.statusCode()).as("anyone may question their own line").isEqualTo(201);
        long id = Json.parse(opened.body()).get("id").asLong();

        HttpResponse<String> resolve = compadmin.sendJson(
                "POST",
                "/api/v1/disputes/" + id + "/status",
                "{\"status\":\"RESOLVED\",\"note\":\"Looks fine to me\"}");
        assertThat(resolve.statusCode()).isEqualTo(403);
        assertThat(Json.parse(resolve.body()).get("code").asString()).isEqualTo("ownPay.dispute");
        assertThat(compadmin
                        .sendJson("PUT", "/api/v1/disputes/" + id + "/assignee", "{\"assignee\":\"compadmin\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(compadmin
                        .sendJson("POST", "/api/v1/disputes/" + id + "/comments", "{\"text\":\"More detail\"}")
                        .statusCode())
                .as("commenting stays open to the payee")
                .isEqualTo(201);
        assertThat(refusalsRecorded("compadmin", String.valueOf(id))).isEqualTo(2);

        String page = compadmin.get("/disputes/" + id).body();
        assertThat(page).contains("data-test=\"dispute-own-pay\"").doesNotContain("data-test=\"dispute-actions\"");
        HttpResponse<String> forged =
                compadmin.postForm("/disputes/" + id + "/status", Map.of("status", "RESOLVED", "note", "fine"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("This dispute is about your own pay");

        WebSession admin = login("admin", "demo");
        assertThat(admin.sendJson("PUT", "/api/v1/disputes/" + id + "/assignee", "{\"assignee\":\"compadmin\"}")
                        .statusCode())
                .as("not handed to the payee it is about")
                .isEqualTo(400);
        HttpResponse<String> byAdmin = admin.sendJson(
                "POST",
                "/api/v1/disputes/" + id + "/status",
                "{\"status\":\"RESOLVED\",\"note\":\"Checked by a second admin\"}");
        assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(200);
    }

    @Test
    void theDatabaseRefusesAnOwnAdjustmentWrittenPastTheService() {
        long me = PEOPLE.get("compadmin");
        assertThatThrownBy(() ->
                        jdbc.sql("""
                insert into payout_adjustment(person_id, period_id, amount, currency, reason, created_by, created_at)
                values (:p, :q, 5000, 'USD', 'self', 'compadmin', now())""").param("p", me).param("q", cast.quarter).update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .rootCause()
                .hasMessageContaining("separation of duties");
    }

    private void assertOwnPayRefusal(HttpResponse<String> response, String code, String english) {
        JsonNode problem = Json.parse(response.body());
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("detail").asString()).startsWith(english);
    }

    private long otherInScope(String login) {
        // Only people nobody approved yet this quarter: other test classes approve some in the shared database.
        List<Long> outsiders = notYetApproved(cast.outsiders());
        List<Long> teammates = notYetApproved(cast.teammates());
        return switch (login) {
            case "rep", "manager" -> teammates.get(teammates.size() - 1);
            case "finance" -> outsiders.get(outsiders.size() - 1);
            case "compadmin" -> outsiders.get(outsiders.size() - 2);
            default -> outsiders.get(outsiders.size() - 3);
        };
    }

    private List<Long> notYetApproved(List<Long> people) {
        return people.stream()
                .filter(p -> jdbc.sql("select count(*) from payout_approval where person_id = :p and period_id = :q")
                                .param("p", p)
                                .param("q", cast.quarter)
                                .query(Long.class)
                                .single()
                        == 0)
                .toList();
    }

    private void givePlanAndDeal(long person) {
        jdbc.sql("""
                insert into plan_assignment(person_id, plan_key, valid_from, valid_until)
                select p.id, 'ae-' || lower(p.currency), per.starts_on, null from person p, period per
                where p.id = :p and per.id = :q
                  and not exists (select 1 from plan_assignment a where a.person_id = p.id)""").param("p", person).param("q", cast.quarter).update();
        jdbc.sql("""
                insert into sales_transaction(source, external_id, kind, status, owner_id, close_date, amount, currency, deal_type, term_months)
                select 'own-pay-test', 'OWN-PAY-' || :p, 'DEAL', 'won', p.id, per.starts_on + 3, 40000, p.currency, 'new_logo', 12
                from person p, period per where p.id = :p and per.id = :q
                on conflict do nothing""").param("p", person).param("q", cast.quarter).update();
    }

    private java.math.BigDecimal payout(long person) {
        return jdbc.sql("select payout from payee_period_result where person_id = :p and period_id = :q and is_current")
                .param("p", person)
                .param("q", cast.quarter)
                .query(java.math.BigDecimal.class)
                .optional()
                .orElse(null);
    }

    private long approvalsOf(long person, String by) {
        return jdbc.sql("select count(*) from payout_approval where person_id = :p and approved_by = :by")
                .param("p", person)
                .param("by", by)
                .query(Long.class)
                .single();
    }

    private long refusalsRecorded(String login, String entity) {
        return jdbc.sql(
                        "select count(*) from audit_log where action = 'OWN_PAY_REFUSED' and actor = :a and entity_id = :e")
                .param("a", login)
                .param("e", entity)
                .query(Long.class)
                .single();
    }

    private List<Long> payrollPersonIds() {
        return Json.parse(login("finance", "demo")
                        .get("/api/v1/payroll/" + cast.quarter + "/payouts")
                        .body())
                .valueStream()
                .map(n -> n.get("personId").asLong())
                .toList();
    }

    private HttpResponse<String> approve(WebSession s, long person) {
        return s.sendJson(
                "POST", "/api/v1/approvals", "{\"personId\":" + person + ",\"period\":\"" + cast.quarter + "\"}");
    }

    private HttpResponse<String> adjust(WebSession s, long person, String reason) {
        return s.sendJson(
                "POST",
                "/api/v1/adjustments",
                "{\"personId\":" + person + ",\"period\":\"" + cast.quarter + "\",\"amount\":\"5000\",\"currency\":\""
                        + currency(person) + "\",\"reason\":\"" + reason + "\"}");
    }

    private String currency(long person) {
        return jdbc.sql("select currency from person where id = :p")
                .param("p", person)
                .query(String.class)
                .single();
    }

    private String externalId(long person) {
        return jdbc.sql("select external_id from person where id = :p")
                .param("p", person)
                .query(String.class)
                .single();
    }
}
