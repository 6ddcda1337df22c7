package org.attain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.ingest.lookup.References;
import org.attain.ingest.profiles.ImportProfile;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Bulk deals keep the people and accounts directory between calls; a deal sent right after the org
 * changed still finds the new owner or account, whoever wrote the change (the people and accounts
 * APIs, plain SQL), and a change that rolled back is never taken for the truth.
 */
class BulkReferencesFollowOrgChangesTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    References references;

    @Autowired
    PlatformTransactionManager transactions;

    private JsonNode deal(ImportApiCalls api, String source, String owner, String account) {
        String accountField = account == null ? "" : ",\"account\":\"" + account + "\"";
        String body = "{\"source\":\"" + source + "\",\"records\":[{\"external_id\":\"" + ImportApiCalls.fresh("D")
                + "\",\"close_date\":\"2026-05-12\",\"amount\":\"1200.00\",\"currency\":\"USD\",\"owner\":\"" + owner
                + "\""
                + accountField + "}]}";
        var response = api.postJson("/api/v1/transactions/bulk", body, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.parse(response.body());
    }

    private static String person(String employeeId, String email) {
        return "{\"records\":[{\"external_id\":\"" + employeeId
                + "\",\"first_name\":\"Nova\",\"last_name\":\"Lindqvist\","
                + "\"email\":\"" + email + "\",\"title\":\"Account Executive\",\"role_type\":\"REP\","
                + "\"employment_start\":\"2026-01-01\"}]}";
    }

    private static String reason(JsonNode answer) {
        return answer.get("rejections")
                .get(0)
                .get("problems")
                .get(0)
                .get("reason")
                .asString();
    }

    @Test
    void aPersonAddedAndThenGivenANewEmailThroughThePeopleApiOwnsTheVeryNextDeal() {
        ImportApiCalls api = new ImportApiCalls(baseUrl(), login("compadmin", "demo"));
        String source = ImportApiCalls.fresh("crm");
        assertThat(deal(api, source, "P00038", null).get("accepted").asLong()).isEqualTo(1);
        String employeeId = ImportApiCalls.fresh("N");
        String email = employeeId.toLowerCase() + "@brightlane.example";

        assertThat(Json.parse(api.postJson("/api/v1/people/bulk", person(employeeId, email), null)
                                .body())
                        .get("accepted")
                        .asLong())
                .isEqualTo(1);

        assertThat(deal(api, source, employeeId, null).get("accepted").asLong()).isEqualTo(1);
        assertThat(deal(api, source, email, null).get("accepted").asLong()).isEqualTo(1);

        String newEmail = "nova." + email;
        assertThat(Json.parse(api.postJson("/api/v1/people/bulk", person(employeeId, newEmail), null)
                                .body())
                        .get("accepted")
                        .asLong())
                .isEqualTo(1);

        assertThat(deal(api, source, newEmail, null).get("accepted").asLong()).isEqualTo(1);
        JsonNode old = deal(api, source, email, null);
        assertThat(old.get("rejected").asLong()).isEqualTo(1);
        assertThat(reason(old)).startsWith("unknown owner '" + email + "'");
    }

    @Test
    void aPersonInsertedWithPlainSqlOwnsTheVeryNextDeal() {
        ImportApiCalls api = new ImportApiCalls(baseUrl(), login("compadmin", "demo"));
        String source = ImportApiCalls.fresh("crm");
        String employeeId = ImportApiCalls.fresh("S");
        JsonNode before = deal(api, source, employeeId, null);
        assertThat(before.get("rejected").asLong()).isEqualTo(1);

        jdbc.sql("""
                insert into person(external_id, first_name, last_name, email, title, role_type, employment_start)
                values (:id, 'Sam', 'Sql', :email, 'Account Executive', 'REP', date '2026-01-01')""")
                .param("id", employeeId)
                .param("email", employeeId.toLowerCase() + "@brightlane.example")
                .update();

        assertThat(deal(api, source, employeeId, null).get("accepted").asLong()).isEqualTo(1);
    }

    @Test
    void anAccountAddedThroughTheAccountsApiIsKnownToTheVeryNextDeal() {
        ImportApiCalls api = new ImportApiCalls(baseUrl(), login("compadmin", "demo"));
        String source = ImportApiCalls.fresh("crm");
        String account = ImportApiCalls.fresh("ACC");
        JsonNode before = deal(api, source, "P00038", account);
        assertThat(before.get("rejected").asLong()).isEqualTo(1);
        assertThat(reason(before)).startsWith("unknown account '" + account + "'");

        String accounts = "{\"source\":\"" + source + "\",\"records\":[{\"external_id\":\"" + account
                + "\",\"name\":\"Nordlicht GmbH\",\"country\":\"DE\",\"size_band\":\"MID\",\"employees\":120,\"owner\":\"P00038\"}]}";
        assertThat(Json.parse(api.postJson("/api/v1/accounts/bulk", accounts, null)
                                .body())
                        .get("accepted")
                        .asLong())
                .isEqualTo(1);

        assertThat(deal(api, source, "P00038", account).get("accepted").asLong())
                .isEqualTo(1);
    }

    @Test
    void aPersonSeenInsideATransactionThatRollsBackIsNotKept() {
        ImportApiCalls api = new ImportApiCalls(baseUrl(), login("compadmin", "demo"));
        String source = ImportApiCalls.fresh("crm");
        String employeeId = ImportApiCalls.fresh("R");
        ImportProfile profile = TransactionFeed.canonicalProfile("bulk-api", source);

        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jdbc.sql("""
                    insert into person(external_id, first_name, last_name, email, title, role_type, employment_start)
                    values (:id, 'Rita', 'Rollback', :email, 'Account Executive', 'REP', date '2026-01-01')""")
                    .param("id", employeeId)
                    .param("email", employeeId.toLowerCase() + "@brightlane.example")
                    .update();
            // The transaction sees its own new person ...
            assertThat(references
                            .directory(jdbc, profile)
                            .person(employeeId, "owner")
                            .found())
                    .isTrue();
            tx.setRollbackOnly();
        });

        // ... and once it rolled back, nobody else does.
        assertThat(references
                        .directory(jdbc, profile)
                        .person(employeeId, "owner")
                        .found())
                .isFalse();
        assertThat(deal(api, source, employeeId, null).get("rejected").asLong()).isEqualTo(1);
    }
}
