package org.attain.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalApplicationListenerAdapter;

/**
 * A territory write over the API publishes {@link TerritoriesChanged} in its transaction, heard after commit, naming
 * the members of the territory and the owners of the accounts that moved, over the write's dates; a refused write
 * (two rules of equal precedence claiming the same accounts, a membership with reversed dates) publishes nothing.
 */
class TerritoriesChangedTest extends AttainIntegrationTest {

    @Autowired
    ApplicationEventMulticaster multicaster;

    @Autowired
    JdbcClient jdbc;

    private final List<TerritoriesChanged> committed = new CopyOnWriteArrayList<>();
    private TransactionalApplicationListenerAdapter<PayloadApplicationEvent<?>> listener;

    @BeforeEach
    void listen() {
        // Heard only after a commit: outside a transaction, or on a rollback, the adapter drops the event.
        listener = new TransactionalApplicationListenerAdapter<>(e -> {
            if (e.getPayload() instanceof TerritoriesChanged changed) {
                committed.add(changed);
            }
        });
        listener.setTransactionPhase(TransactionPhase.AFTER_COMMIT);
        multicaster.addApplicationListener(listener);
    }

    @AfterEach
    void stopListening() {
        multicaster.removeApplicationListener(listener);
    }

    @Test
    void aTerritoryWritePublishesTheMovedPeopleAndDatesAfterCommitAndARefusedOneNothing() {
        WebSession compAdmin = login("compadmin", "demo");
        String n = Long.toString(System.nanoTime() % 1_000_000_000L);
        assertThat(compAdmin
                        .sendJson(
                                "POST",
                                "/api/v1/territories/hierarchies",
                                "{\"code\": \"E%s\", \"name\": \"Events %s\"}".formatted(n, n))
                        .statusCode())
                .isEqualTo(201);
        create(compAdmin, n, "EA", "AREA", null);
        create(compAdmin, n, "ER", "REGION", "EA" + n);
        create(compAdmin, n, "ED", "DISTRICT", "ER" + n);
        long north = create(compAdmin, n, "ET", "TERRITORY", "ED" + n);
        long south = create(compAdmin, n, "ES", "TERRITORY", "ED" + n);
        assertThat(committed).as("a territory without rules claims nothing").isEmpty();

        long rep = Json.parse(login("rep", "demo").get("/api/v1/me").body())
                .get("id")
                .asLong();
        var owner = compAdmin.sendJson("POST", "/api/v1/territories/" + north + "/members", """
                {"person": "%d", "role": "OWNER", "validFrom": "2026-01-01"}""".formatted(rep));
        assertThat(owner.statusCode()).as(owner.body()).isEqualTo(201);
        assertThat(committed).hasSize(1);
        TerritoriesChanged member = committed.get(0);
        assertThat(member.personIds()).containsExactly(rep);
        assertThat(member.from()).isEqualTo(LocalDate.parse("2026-01-01"));
        assertThat(member.until()).isNull();
        assertThat(member.reason()).isEqualTo("territory ET" + n + ": member added");
        assertThat(member.actor()).isEqualTo("compadmin");
        assertThat(member.inBackground()).isTrue();

        // A rule claims New Zealand's accounts for two months: its owner and those accounts' owners, those dates.
        var rule = compAdmin.sendJson("POST", "/api/v1/territories/" + north + "/rules", """
                {"precedence": 1, "countries": ["NZ"], "validFrom": "2026-11-01", "validUntil": "2027-01-01"}""");
        assertThat(rule.statusCode()).as(rule.body()).isEqualTo(201);
        assertThat(committed).hasSize(2);
        TerritoriesChanged claimed = committed.get(1);
        Set<Long> expected = new TreeSet<>(
                jdbc.sql("select distinct owner_id from sales_account_v where country = 'NZ' and owner_id is not null")
                        .query(Long.class)
                        .list());
        assertThat(expected).as("the demo's New Zealand accounts have owners").isNotEmpty();
        expected.add(rep);
        assertThat(claimed.personIds()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(claimed.from()).isEqualTo(LocalDate.parse("2026-11-01"));
        assertThat(claimed.until()).isEqualTo(LocalDate.parse("2027-01-01"));
        assertThat(claimed.reason()).isEqualTo("territory ET" + n + ": rule added");

        // Refused after writing (equal precedence over the same accounts): rolled back, nothing heard.
        var overlap = compAdmin.sendJson("POST", "/api/v1/territories/" + south + "/rules", """
                {"precedence": 1, "countries": ["NZ"], "validFrom": "2026-12-01"}""");
        assertThat(overlap.statusCode()).as(overlap.body()).isEqualTo(400);
        assertThat(overlap.body())
                .contains("equal precedence 1")
                .contains("ET" + n)
                .contains("ES" + n);
        // Refused before writing (dates reversed): nothing heard either.
        var reversed = compAdmin.sendJson("POST", "/api/v1/territories/" + south + "/members", """
                {"person": "%d", "role": "OWNER", "validFrom": "2026-12-01", "validUntil": "2026-11-01"}""".formatted(rep));
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(committed).hasSize(2);
        assertThat(Json.parse(compAdmin
                                .get("/api/v1/territories/" + south + "/rules")
                                .body())
                        .size())
                .isZero();
    }

    private static long create(WebSession s, String n, String prefix, String level, String parent) {
        var r = s.sendJson("POST", "/api/v1/territories", """
                {"hierarchy": "E%s", "code": "%s%s", "name": "%s %s", "level": "%s", "parent": %s, "validFrom": "2026-01-01"}""".formatted(
                        n, prefix, n, level, n, level, parent == null ? "null" : "\"" + parent + "\""));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Json.parse(r.body()).get("id").asLong();
    }
}
