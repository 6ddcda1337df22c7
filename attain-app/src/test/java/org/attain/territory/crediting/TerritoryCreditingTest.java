package org.attain.territory.crediting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.attain.territory.crediting.TerritoryCreditFixture.credited;
import static org.attain.territory.crediting.TerritoryCreditFixture.policy;
import static org.attain.territory.crediting.TerritoryCreditFixture.territorySteps;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attain.calc.CalcRuns;
import org.attain.calc.RunStatus;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Crediting by territory in real runs on the demo company (the rule of golden case 18 — the territory in force on the
 * close date credits its owner, not the deal's owner, and its overlays get overlay credit — applied by the
 * application to its own territories): a deal on a claimed account moves to the territory's owner; a new owner from
 * mid-quarter takes the deals from that day on, and the next run's statement says so in English and German; the
 * numbers are the same however a run is cut into chunks; a rep still sees only their own pay. The policy is put back
 * off after each test.
 */
class TerritoryCreditingTest extends AttainIntegrationTest {

    @Autowired
    CalcRuns runs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Periods periods;

    WebSession planner;
    TerritoryCreditFixture f;
    String code;

    @BeforeEach
    void findTheDeals() {
        planner = login("compadmin", "demo");
        var quarter = periods.current(PeriodKind.QUARTER);
        f = TerritoryCreditFixture.find(jdbc, quarter.id(), quarter.startsOn(), TODAY);
        code = "TC" + Long.toString(System.nanoTime() % 1_000_000_000L);
    }

    @AfterEach
    void policyOffAgain() {
        policy(planner, null, null);
    }

    @Test
    void case18OnARealRunTheTerritoryOwnerNotTheDealOwnerIsCreditedAndTheOverlayGetsOverlayCredit() {
        run();
        assertThat(credited(planner, f.dealOwner(), f.quarter())).containsAll(f.deals());
        assertThat(credited(planner, f.rep(), f.quarter())).doesNotContainAnyElementsOf(f.deals());

        f.territory(planner, code);
        policy(planner, code, "\"territory\", \"owner\"");
        run();

        assertThat(credited(planner, f.dealOwner(), f.quarter()))
                .as("the deal owner gets nothing of a claimed account's deals (primary credit once)")
                .doesNotContainAnyElementsOf(f.deals());
        assertThat(credited(planner, f.rep(), f.quarter()))
                .as("the territory's owner")
                .containsAll(f.deals());
        assertThat(credited(planner, f.overlay(), f.quarter()))
                .as("the overlay, on top")
                .containsAll(f.deals());
        assertThat(territorySteps(planner, f.rep(), f.quarter()))
                .anySatisfy(s -> assertThat(s)
                        .startsWith("trace.territory.owner|" + code + "-A|Named " + code + "|"
                                + TerritoryCreditFixture.name(jdbc, f.rep()) + "|")
                        .endsWith("|" + f.rep()));
        assertThat(territorySteps(planner, f.overlay(), f.quarter()))
                .anySatisfy(s -> assertThat(s).startsWith("trace.territory.overlay|" + code + "-A|"));

        // Owner first: the deal owner keeps the deals and the overlay still adds.
        policy(planner, code, "\"owner\", \"territory\"");
        run();
        assertThat(credited(planner, f.dealOwner(), f.quarter())).containsAll(f.deals());
        assertThat(credited(planner, f.rep(), f.quarter())).doesNotContainAnyElementsOf(f.deals());
        assertThat(credited(planner, f.overlay(), f.quarter())).containsAll(f.deals());
    }

    @Test
    void aNewOwnerFromMidQuarterTakesTheDealsFromThatDayOnAndTheNextRunsStatementSaysSoInEnglishAndGerman() {
        long area = f.territory(planner, code);
        policy(planner, code, "\"territory\", \"owner\"");
        LocalDate handover = f.lastDay();
        long repMember = Long.parseLong(memberId(area, f.rep()));
        // The rep hands the territory over on the day of the account's last deals (TerritoriesChanged).
        var until = planner.sendJson("PUT", "/api/v1/territories/" + area + "/members/" + repMember, """
                {"person": "%d", "role": "OWNER", "validFrom": "%d-01-01", "validUntil": "%s"}""".formatted(
                        f.rep(), handover.getYear() - 1, handover));
        assertThat(until.statusCode()).as(until.body()).isEqualTo(200);
        f.member(planner, area, f.newOwner(), "OWNER", handover);
        run();

        Set<String> before = f.dealsBefore(handover);
        Set<String> after = f.dealsFrom(handover);
        assertThat(before).isNotEmpty();
        assertThat(after).isNotEmpty();
        assertThat(credited(planner, f.rep(), f.quarter())).containsAll(before).doesNotContainAnyElementsOf(after);
        assertThat(credited(planner, f.newOwner(), f.quarter()))
                .containsAll(after)
                .doesNotContainAnyElementsOf(before);
        assertThat(credited(planner, f.overlay(), f.quarter())).containsAll(f.deals());
        assertThat(credited(planner, f.dealOwner(), f.quarter())).doesNotContainAnyElementsOf(f.deals());

        String page = "/people/" + f.rep() + "/statement?period=" + f.quarter();
        String english =
                planner.get(page + "&lang=en", Map.of("Accept", "text/html")).body();
        assertThat(english)
                .contains(before.size() + " deal(s) via territory Named " + code + " (" + code + "-A), owner "
                        + TerritoryCreditFixture.name(jdbc, f.rep()) + ": ")
                .contains(before.iterator().next());
        String german =
                planner.get(page + "&lang=de", Map.of("Accept", "text/html")).body();
        assertThat(german)
                .contains(before.size() + " Abschluss/Abschlüsse über Gebiet Named " + code + " (" + code
                        + "-A), Inhaber " + TerritoryCreditFixture.name(jdbc, f.rep()) + ": ");
        String newOwnersPage = planner.get(
                        "/people/" + f.newOwner() + "/statement?period=" + f.quarter() + "&lang=en",
                        Map.of("Accept", "text/html"))
                .body();
        assertThat(newOwnersPage)
                .contains("via territory Named " + code + " (" + code + "-A), owner "
                        + TerritoryCreditFixture.name(jdbc, f.newOwner()) + ": ")
                .doesNotContain("owner " + f.newOwner() + ":");
        // The statement API names them too: territory code, name, the person's name, ..., the person's id last.
        assertThat(territorySteps(planner, f.newOwner(), f.quarter()))
                .anySatisfy(step -> assertThat(step)
                        .startsWith("trace.territory.owner|" + code + "-A|Named " + code + "|"
                                + TerritoryCreditFixture.name(jdbc, f.newOwner()) + "|")
                        .endsWith("|" + f.newOwner()));
    }

    @Test
    void aNewDealOnAClaimedAccountIsOnTheTerritoryOwnersStatementWithoutAnotherRun() throws InterruptedException {
        f.territory(planner, code);
        policy(planner, code, "\"territory\", \"owner\"");
        run();
        var owner = jdbc.sql("select external_id, currency from org_person_v where id = :id")
                .param("id", f.dealOwner())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
        String external = "TD-" + code;
        String deal = "crm:" + external; // a posted deal is known by its source and external id
        var posted = planner.sendJson("POST", "/api/v1/transactions/bulk", """
                {"source": "crm", "records": [{"external_id": "%s", "close_date": "%s", "amount": "1234.00",
                  "currency": "%s", "owner": "%s", "account": "%s"}]}""".formatted(
                        external, f.closeDates().get(0), owner[1], owner[0], f.account()));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);

        // Calc recalculates the deal's owner; the territory module asks for the territory's owner and overlay.
        java.time.Instant until = java.time.Instant.now().plusSeconds(60);
        while (!credited(planner, f.rep(), f.quarter()).contains(deal)
                && java.time.Instant.now().isBefore(until)) {
            Thread.sleep(250);
        }
        assertThat(credited(planner, f.rep(), f.quarter()))
                .as("the territory's owner")
                .contains(deal);
        assertThat(credited(planner, f.overlay(), f.quarter()))
                .as("the overlay")
                .contains(deal);
        assertThat(credited(planner, f.dealOwner(), f.quarter()))
                .as("the deal's owner (primary credit once)")
                .doesNotContain(deal);
    }

    @Test
    void theNumbersAreTheSameWhateverTheChunkSizeAndForASmallRecalculation() {
        f.territory(planner, code);
        policy(planner, code, "\"territory\", \"owner\"");
        List<CalcRunsFingerprint> small = fullRunInChunksOf("3");
        List<CalcRunsFingerprint> large = fullRunInChunksOf("400");
        assertThat(large).containsExactlyElementsOf(small);
        assertThat(credited(planner, f.rep(), f.quarter())).containsAll(f.deals());

        // A recalculation of the territory's owner alone reads the account's deals too and changes nothing.
        CalcRuns.Run alone = runs.runFor(Set.of(f.rep()), "test", "test");
        assertThat(alone.status()).isEqualTo(RunStatus.DONE);
        assertThat(alone.changed()).isZero();
        assertThat(fingerprints()).containsExactlyElementsOf(large);
    }

    @Test
    void aRepSeesTheirOwnTerritoryCreditAndStillNobodyElsesPay() {
        f.territory(planner, code);
        policy(planner, code, "\"territory\", \"owner\"");
        run();
        WebSession rep = login("rep", "demo");
        assertThat(credited(rep, f.rep(), f.quarter())).containsAll(f.deals());
        assertThat(rep.get(
                                "/people/" + f.rep() + "/statement?period=" + f.quarter() + "&lang=en",
                                Map.of("Accept", "text/html"))
                        .body())
                .contains("via territory Named " + code + " (" + code + "-A), owner "
                        + TerritoryCreditFixture.name(jdbc, f.rep()) + ": ");
        assertThat(rep.get("/api/v1/people/" + f.dealOwner() + "/earnings?period=" + f.quarter())
                        .statusCode())
                .isEqualTo(404);
        assertThat(rep.get("/api/v1/people/" + f.overlay() + "/earnings?period=" + f.quarter())
                        .statusCode())
                .isEqualTo(404);
        assertThat(rep.get("/people/" + f.overlay() + "/statement", Map.of("Accept", "text/html"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(rep.get("/api/v1/territories/crediting-policy").statusCode()).isEqualTo(403);
    }

    record CalcRunsFingerprint(long personId, String periodId, String fingerprint) {}

    private List<CalcRunsFingerprint> fullRunInChunksOf(String size) {
        System.setProperty("attain.calc.chunk", size);
        try {
            CalcRuns.Run run = runs.runFull("test", "test");
            assertThat(run.status()).isEqualTo(RunStatus.DONE);
        } finally {
            System.clearProperty("attain.calc.chunk");
        }
        return fingerprints();
    }

    private List<CalcRunsFingerprint> fingerprints() {
        return jdbc.sql("select person_id, period_id, fingerprint from payee_period_result where is_current"
                        + " order by person_id, period_id")
                .query(CalcRunsFingerprint.class)
                .list();
    }

    private void run() {
        CalcRuns.Run run = runs.runFor(Set.of(f.dealOwner(), f.rep(), f.overlay(), f.newOwner()), "test", "test");
        assertThat(run.status()).isEqualTo(RunStatus.DONE);
    }

    private String memberId(long area, long person) {
        return jdbc.sql("select id from territory_member where territory_id = :t and person_id = :p")
                .param("t", area)
                .param("p", person)
                .query(String.class)
                .single();
    }
}
