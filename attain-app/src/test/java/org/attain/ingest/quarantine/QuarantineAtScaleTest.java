package org.attain.ingest.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.ingest.ImportApiCalls;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A comp admin with a quarantine too big to fix row by row, through the REST API: one correction for every
 * row sharing a value and reason, dismissals with a reason, and rows a later load delivers resolving by
 * themselves, with the import's counts true after each step.
 */
public class QuarantineAtScaleTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    QuarantineDelivery delivery;

    private ImportApiCalls api;
    private WebSession admin;

    @BeforeEach
    void connect() {
        admin = login("compadmin", "demo");
        api = new ImportApiCalls(baseUrl(), admin);
    }

    public static String profile(String source) {
        return """
                record: transactions
                source: %s
                format: {type: csv, delimiter: ",", header: true, date: yyyy-MM-dd, numbers: en}
                columns: {external_id: Deal, close_date: Close Date, amount: Amount, currency: Currency, owner: Owner}
                people: {match: [employee_id, email, name]}
                """.formatted(source);
    }

    /** Four rows in "US$" (one of them with a bad amount too), one open deal without a close date, one good row. */
    public static final String CRM_EXPORT = """
            Deal,Close Date,Amount,Currency,Owner
            Q1,2026-05-04,1000.00,US$,P00038
            Q2,2026-05-05,2000.00,US$,P00038
            Q3,2026-05-06,3000.00,US$,P00038
            Q4,2026-05-07,12k,US$,P00038
            Q5,,5000.00,USD,P00038
            Q6,2026-05-08,6000.00,USD,P00038
            """;

    private static final String US_DOLLAR =
            "{\"column\":\"Currency\",\"value\":\"US$\",\"reason\":\"unknown currency 'US$'\"}";

    private JsonNode groups(long importId) {
        var response = admin.get("/api/v1/imports/" + importId + "/quarantine/groups");
        assertThat(response.statusCode()).isEqualTo(200);
        return Json.parse(response.body());
    }

    private java.net.http.HttpResponse<String> post(long importId, String what, String json) {
        return admin.sendJson("POST", "/api/v1/imports/" + importId + "/quarantine/" + what, json);
    }

    private long transactions(String source) {
        return jdbc.sql("select count(*) from sales_transaction where source = :s")
                .param("s", source)
                .query(Long.class)
                .single();
    }

    @Test
    void oneCorrectionLoadsEveryRowSharingTheValueAndReasonAndTheCountsStayTrue() {
        String source = ImportApiCalls.fresh("crm-bulkfix");
        var loaded = api.load(profile(source), "crm.csv", CRM_EXPORT);
        assertThat(loaded.summary()).isEqualTo("accepted=1 rejected=5 unchanged=0");
        JsonNode before = groups(loaded.id());
        assertThat(before.get("groups").get(0).get("column").asString()).isEqualTo("Currency");
        assertThat(before.get("groups").get(0).get("value").asString()).isEqualTo("US$");
        assertThat(before.get("groups").get(0).get("rows").asLong()).isEqualTo(4);
        assertThat(before.get("counts").get("open").asLong()).isEqualTo(5);

        // a correction that is itself wrong changes nothing
        var blanks = post(loaded.id(), "corrections", "{\"problem\":" + US_DOLLAR + ",\"to\":\"USD \"}");
        assertThat(blanks.statusCode()).isEqualTo(400);
        assertThat(Json.parse(blanks.body()).get("errors").get(0).get("reason").asString())
                .contains("'USD '")
                .contains("blanks");
        var notIso = post(loaded.id(), "corrections", "{\"problem\":" + US_DOLLAR + ",\"to\":\"XYZ\"}");
        assertThat(notIso.statusCode()).isEqualTo(400);
        assertThat(Json.parse(notIso.body()).get("errors").get(0).get("reason").asString())
                .isEqualTo(
                        "the correction 'XYZ' for column Currency is itself refused: unknown currency 'XYZ'; nothing was changed");
        assertThat(groups(loaded.id()).get("groups").get(0).get("rows").asLong())
                .isEqualTo(4);
        assertThat(transactions(source)).isEqualTo(1);

        var corrected = post(loaded.id(), "corrections", "{\"problem\":" + US_DOLLAR + ",\"to\":\"USD\"}");
        assertThat(corrected.statusCode()).isEqualTo(200);
        JsonNode c = Json.parse(corrected.body());
        assertThat(c.get("changed").asLong()).isEqualTo(4);
        assertThat(c.get("loaded").asLong()).isEqualTo(3);
        assertThat(c.get("stillQuarantined").asLong()).isEqualTo(1);
        assertThat(transactions(source)).isEqualTo(4);
        assertThat(jdbc.sql("select currency from sales_transaction where source = :s and external_id = 'Q2'")
                        .param("s", source)
                        .query(String.class)
                        .single())
                .isEqualTo("USD");

        JsonNode counts = groups(loaded.id()).get("counts");
        assertThat(counts.get("open").asLong()).isEqualTo(1); // Q5, no close date
        assertThat(counts.get("fixed").asLong()).isEqualTo(3);
        assertThat(counts.get("moved").asLong()).isEqualTo(1); // Q4: its amount is still wrong, in the replay now
        long replay = c.get("imports").get(0).asLong();
        JsonNode replayGroups = groups(replay);
        assertThat(replayGroups.get("groups").get(0).get("column").asString()).isEqualTo("Amount");
        assertThat(replayGroups.get("counts").get("open").asLong()).isEqualTo(1);

        // the same correction again: nothing left to act on, and it says so
        var again = post(loaded.id(), "corrections", "{\"problem\":" + US_DOLLAR + ",\"to\":\"USD\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Json.parse(again.body()).get("detail").asString())
                .contains("no open row with Currency 'US$' any more");
    }

    @Test
    void dismissedRowsNeedAReasonLeaveTheOpenListAndKeepWhoWhenAndWhy() {
        var loaded = api.load(profile(ImportApiCalls.fresh("crm-dismiss")), "crm.csv", CRM_EXPORT);
        String noCloseDate = "{\"column\":\"Close Date\",\"value\":\"\",\"reason\":\"missing close date\"}";

        var noReason = post(loaded.id(), "dismissals", "{\"problem\":" + noCloseDate + "}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(Json.parse(noReason.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("reason");
        var blankReason = post(loaded.id(), "dismissals", "{\"reason\":\"  \",\"problem\":" + noCloseDate + "}");
        assertThat(blankReason.statusCode()).isEqualTo(400);

        var dismissed = post(
                loaded.id(), "dismissals", "{\"reason\":\"open deal, not won yet\",\"problem\":" + noCloseDate + "}");
        assertThat(dismissed.statusCode()).isEqualTo(200);
        assertThat(Json.parse(dismissed.body()).get("dismissed").asLong()).isEqualTo(1);

        JsonNode list = Json.parse(admin.get("/api/v1/imports/" + loaded.id() + "/quarantine/dismissed")
                .body());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("reason").asString()).isEqualTo("open deal, not won yet");
        assertThat(list.get(0).get("by").asString()).isEqualTo("compadmin");
        assertThat(list.get(0).get("at").asString()).isNotBlank();
        assertThat(list.get(0).get("rowNumber").asLong()).isEqualTo(6);
        JsonNode counts = groups(loaded.id()).get("counts");
        assertThat(counts.get("open").asLong()).isEqualTo(4);
        assertThat(counts.get("dismissed").asLong()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'import.rows.dismissed' and entity_id = :id")
                        .param("id", String.valueOf(loaded.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // one row by id, then the same row again: already dismissed, nothing changes
        long rowId = Json.parse(admin.get("/api/v1/imports/" + loaded.id() + "/quarantine")
                        .body())
                .get(0)
                .get("id")
                .asLong();
        assertThat(post(loaded.id(), "dismissals", "{\"reason\":\"test deal\",\"rows\":[" + rowId + "]}")
                        .statusCode())
                .isEqualTo(200);
        var twice = post(loaded.id(), "dismissals", "{\"reason\":\"test deal\",\"rows\":[" + rowId + "]}");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(Json.parse(twice.body()).get("detail").asString()).isEqualTo("row 2 is already dismissed");

        var rest = post(loaded.id(), "dismissals", "{\"reason\":\"the whole file was a test\",\"all\":true}");
        assertThat(Json.parse(rest.body()).get("dismissed").asLong()).isEqualTo(3);
        assertThat(groups(loaded.id()).get("counts").get("open").asLong()).isZero();
    }

    @Test
    void aLaterFileOrBulkCallDeliveringAQuarantinedKeyResolvesItAndCountsStayTrue() {
        String source = ImportApiCalls.fresh("crm-later");
        var first = api.load(profile(source), "crm.csv", CRM_EXPORT);
        long totalOpenBefore =
                Json.parse(admin.get("/api/v1/quarantine").body()).get("open").asLong();

        // the next export has Q5 with its close date and Q1, Q2 in dollars
        var later = api.load(profile(source), "crm-later.csv", """
                Deal,Close Date,Amount,Currency,Owner
                Q1,2026-05-04,1000.00,USD,P00038
                Q5,2026-05-20,5000.00,USD,P00038
                """);
        assertThat(later.summary()).isEqualTo("accepted=2 rejected=0 unchanged=0");
        var rows = Json.parse(
                admin.get("/api/v1/imports/" + first.id() + "/quarantine").body());
        assertThat(rows.findValues("status").stream().map(JsonNode::asString).toList())
                .containsExactly("DELIVERED", "OPEN", "OPEN", "OPEN", "DELIVERED");
        assertThat(rows.get(0).get("resolvedBy").asLong()).isEqualTo(later.id());

        // the bulk API is another load path: Q2 arrives there
        var bulk = api.postJson(
                "/api/v1/transactions/bulk",
                "{\"source\":\"" + source + "\",\"records\":[{\"external_id\":\"Q2\","
                        + "\"close_date\":\"2026-05-05\",\"amount\":\"2000.00\",\"currency\":\"USD\",\"owner\":\"P00038\"}]}",
                null);
        assertThat(bulk.statusCode()).isEqualTo(200);
        long bulkImport = Json.parse(bulk.body()).get("importId").asLong();
        JsonNode counts = groups(first.id()).get("counts");
        assertThat(counts.get("open").asLong()).isEqualTo(2);
        assertThat(counts.get("delivered").asLong()).isEqualTo(3);
        assertThat(Json.parse(admin.get("/api/v1/imports/" + first.id() + "/quarantine")
                                .body())
                        .get(1)
                        .get("resolvedBy")
                        .asLong())
                .isEqualTo(bulkImport);
        assertThat(Json.parse(admin.get("/api/v1/quarantine").body())
                        .get("open")
                        .asLong())
                .isEqualTo(totalOpenBefore - 3);
        assertThat(groups(first.id()).get("groups").get(0).get("rows").asLong()).isEqualTo(2); // Q3, Q4 still in US$

        // acting on a delivered row says so
        long delivered = Json.parse(admin.get("/api/v1/imports/" + first.id() + "/quarantine")
                        .body())
                .get(0)
                .get("id")
                .asLong();
        var late = post(first.id(), "dismissals", "{\"reason\":\"no longer needed\",\"rows\":[" + delivered + "]}");
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(Json.parse(late.body()).get("detail").asString())
                .isEqualTo("row 2 is already resolved: delivered by import " + later.id());
    }

    @Test
    void aLaterBulkCallDeliveringARecordsNaturalKeyResolvesItToo() {
        String code = ImportApiCalls.fresh("QT").toUpperCase();
        var teams = api.load("""
                record: teams
                source: hr
                format: {type: csv, delimiter: ",", header: true}
                columns: {code: Team Code, name: Team Name, region: Region}
                """, "teams.csv", "Team Code,Team Name,Region\n" + code + ",Quarantine Team,Atlantis\n");
        assertThat(teams.summary()).isEqualTo("accepted=0 rejected=1 unchanged=0");
        var bulk = api.postJson(
                "/api/v1/teams/bulk", "{\"records\":[{\"code\":\"" + code + "\",\"name\":\"Quarantine Team\"}]}", null);
        assertThat(bulk.statusCode()).isEqualTo(200);
        var row = Json.parse(admin.get("/api/v1/imports/" + teams.id() + "/quarantine")
                        .body())
                .get(0);
        assertThat(row.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(row.get("resolvedBy").asLong())
                .isEqualTo(Json.parse(bulk.body()).get("importId").asLong());
    }

    @Test
    void rowsQuarantinedBeforeRowsKeptTheirKeyGetItAtStartAndResolveToo() {
        String source = ImportApiCalls.fresh("crm-older");
        var first = api.load(profile(source), "crm.csv", CRM_EXPORT);
        jdbc.sql("update ingest_quarantine set record_key = null where import_id = :id")
                .param("id", first.id())
                .update();

        delivery.keyOlderRows();
        assertThat(jdbc.sql("select record_key from ingest_quarantine where import_id = :id order by row_number")
                        .param("id", first.id())
                        .query(String.class)
                        .list())
                .containsExactly("Q1", "Q2", "Q3", "Q4", "Q5");
        api.load(
                profile(source),
                "crm-later.csv",
                "Deal,Close Date,Amount,Currency,Owner\nQ3,2026-05-06,3000.00,USD,P00038\n");
        assertThat(groups(first.id()).get("counts").get("delivered").asLong()).isEqualTo(1);
    }

    @Test
    void onlyAdminsAndCompAdminsWorkTheQuarantine() {
        var loaded = api.load(profile(ImportApiCalls.fresh("crm-roles")), "crm.csv", CRM_EXPORT);
        WebSession manager = login("manager", "demo");
        assertThat(manager.get("/api/v1/imports/" + loaded.id() + "/quarantine/groups")
                        .statusCode())
                .isEqualTo(403);
        assertThat(manager.get("/api/v1/quarantine").statusCode()).isEqualTo(403);
        assertThat(manager.sendJson(
                                "POST",
                                "/api/v1/imports/" + loaded.id() + "/quarantine/dismissals",
                                "{\"reason\":\"x\",\"all\":true}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(login("admin", "demo")
                        .get("/api/v1/imports/" + loaded.id() + "/quarantine/groups")
                        .statusCode())
                .isEqualTo(200);
        assertThat(admin.get("/api/v1/imports/999999999/quarantine/groups").statusCode())
                .isEqualTo(404);
    }
}
