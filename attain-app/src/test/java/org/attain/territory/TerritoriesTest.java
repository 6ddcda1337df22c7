package org.attain.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Territories over the API on the demo company: its seeded hierarchy puts every account in exactly one territory or
 * in Unassigned, named accounts ahead of the country rules; bad input is refused with a reason per field and
 * nothing saved; a rule from a later day moves accounts from that day on; planners only.
 */
class TerritoriesTest extends AttainIntegrationTest {

    private static final String DAY = TODAY.toString();

    @Test
    void theDemoHierarchyPutsEveryAccountInExactlyOneTerritoryOrInUnassigned() {
        WebSession compAdmin = login("compadmin", "demo");
        JsonNode tree = Json.parse(
                compAdmin.get("/api/v1/territories?hierarchy=SALES&date=" + DAY).body());
        Map<String, JsonNode> byCode = new HashMap<>();
        tree.forEach(n -> byCode.put(n.get("territory").get("code").asString(), n));
        assertThat(byCode)
                .containsKeys("AMER", "EMEA", "APAC", "DACH", "DACH-DE", "DE-STRAT", "DE-ENT", "DE-COM", "ANZ-NZ");
        assertThat(byCode.get("DE-ENT").get("owners")).isNotEmpty();
        assertThat(byCode.get("DE-STRAT").get("accounts").asLong()).isEqualTo(6);

        JsonNode assigned = Json.parse(compAdmin
                .get("/api/v1/territories/assignments?hierarchy=SALES&date=" + DAY)
                .body());
        Set<Long> accounts = new HashSet<>();
        assigned.get("assignments")
                .forEach(a -> assertThat(accounts.add(a.get("accountId").asLong()))
                        .as("one territory each")
                        .isTrue());
        JsonNode unassigned = Json.parse(compAdmin
                .get("/api/v1/territories/unassigned?hierarchy=SALES&date=" + DAY)
                .body());
        assertThat(unassigned.size())
                .isEqualTo(assigned.get("unassigned").asInt())
                .isPositive();
        // Accounts other tests import without a country are unassigned too; of the demo's (all with a country),
        // only New Zealand's.
        unassigned.forEach(u -> {
            if (u.hasNonNull("country")) {
                assertThat(u.get("country").asString())
                        .as("only New Zealand is not carved yet")
                        .isEqualTo("NZ");
            }
            assertThat(accounts).doesNotContain(u.get("accountId").asLong());
        });
        assertThat(unassigned)
                .anySatisfy(u -> assertThat(u.hasNonNull("country")
                                && "NZ".equals(u.get("country").asString()))
                        .isTrue());
        long areaTotal = byCode.get("AMER").get("accounts").asLong()
                + byCode.get("EMEA").get("accounts").asLong()
                + byCode.get("APAC").get("accounts").asLong();
        assertThat(areaTotal).as("the tree adds up to the assigned accounts").isEqualTo(accounts.size());

        // Named accounts (precedence 10) win over the German enterprise rule (precedence 100).
        long strategic = byCode.get("DE-STRAT").get("territory").get("id").asLong();
        JsonNode rules = Json.parse(
                compAdmin.get("/api/v1/territories/" + strategic + "/rules").body());
        assertThat(rules.get(0).get("precedence").asInt()).isEqualTo(10);
        long named = rules.get(0).get("accountIds").get(0).asLong();
        assigned.get("assignments").forEach(a -> {
            if (a.get("accountId").asLong() == named) {
                assertThat(a.get("territoryId").asLong()).isEqualTo(strategic);
            }
        });
    }

    @Test
    void badInputIsRefusedWithAReasonPerFieldAndNothingIsSaved() {
        WebSession compAdmin = login("compadmin", "demo");
        String n = Long.toString(System.nanoTime() % 1_000_000_000L);
        long germany = territoryId(compAdmin, "DACH-DE");
        long commercial = territoryId(compAdmin, "DE-COM");
        int rulesBefore = Json.parse(compAdmin
                        .get("/api/v1/territories/" + commercial + "/rules")
                        .body())
                .size();

        // A rule of equal precedence claiming accounts DE-ENT already claims.
        var overlap = compAdmin.sendJson("POST", "/api/v1/territories/" + commercial + "/rules", """
                {"precedence": 100, "countries": ["DE"], "sizeBands": ["ENTERPRISE"], "validFrom": "2026-01-01"}""");
        assertThat(overlap.statusCode()).as(overlap.body()).isEqualTo(400);
        assertThat(errors(overlap)).containsKey("precedence");
        assertThat(errors(overlap).get("precedence"))
                .contains("equal precedence 100")
                .contains("DE-COM")
                .contains("DE-ENT");
        assertThat(Json.parse(compAdmin
                                .get("/api/v1/territories/" + commercial + "/rules")
                                .body())
                        .size())
                .isEqualTo(rulesBefore);

        // Dates reversed and a parent on another level (a territory under a region), both reported at once.
        var reversed = compAdmin.sendJson("POST", "/api/v1/territories", """
                {"hierarchy": "SALES", "code": "X-%s", "name": "Reversed", "level": "TERRITORY", "parent": "DACH",
                 "validFrom": "2026-06-01", "validUntil": "2026-01-01"}""".formatted(n));
        assertThat(reversed.statusCode()).as(reversed.body()).isEqualTo(400);
        assertThat(errors(reversed)).containsKeys("validUntil", "parentId");
        assertThat(errors(reversed).get("parentId")).contains("must be a district");
        assertThat(compAdmin.get("/api/v1/territories?hierarchy=SALES").body()).doesNotContain("X-" + n);

        // An owner who is not a person.
        var nobody = compAdmin.sendJson("POST", "/api/v1/territories/" + commercial + "/members", """
                {"person": "NOBODY-%s", "role": "OWNER", "validFrom": "2026-01-01"}""".formatted(n));
        assertThat(nobody.statusCode()).isEqualTo(400);
        assertThat(errors(nobody).get("person")).contains("is not a person");

        // A rule without any condition.
        var empty = compAdmin.sendJson("POST", "/api/v1/territories/" + germany + "/rules", """
                {"precedence": 5, "validFrom": "2026-01-01"}""");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(errors(empty).get("countries")).contains("at least one condition");
    }

    @Test
    void aRuleFromALaterDayMovesAccountsFromThatDayOnAndTheClaimsSayWhen() {
        WebSession compAdmin = login("compadmin", "demo");
        String n = Long.toString(System.nanoTime() % 1_000_000_000L);
        // A hierarchy of its own, so the demo's stays as seeded.
        assertThat(compAdmin
                        .sendJson(
                                "POST",
                                "/api/v1/territories/hierarchies",
                                "{\"code\": \"H%s\", \"name\": \"Test %s\"}".formatted(n, n))
                        .statusCode())
                .isEqualTo(201);
        long area = create(compAdmin, n, "A", "AREA", null);
        long region = create(compAdmin, n, "R", "REGION", "A" + n);
        long district = create(compAdmin, n, "D", "DISTRICT", "R" + n);
        long north = create(compAdmin, n, "T", "TERRITORY", "D" + n);
        var rule = compAdmin.sendJson("POST", "/api/v1/territories/" + north + "/rules", """
                {"precedence": 1, "countries": ["NZ"], "validFrom": "2026-11-01"}""");
        assertThat(rule.statusCode()).as(rule.body()).isEqualTo(201);
        var owner = compAdmin.sendJson(
                "POST", "/api/v1/territories/" + north + "/members", """
                {"person": "%s", "role": "OWNER", "validFrom": "2026-01-01"}""".formatted(personOfRep(compAdmin)));
        assertThat(owner.statusCode()).as(owner.body()).isEqualTo(201);

        int before = Json.parse(compAdmin
                        .get("/api/v1/territories/assignments?hierarchy=H" + n + "&date=2026-10-31")
                        .body())
                .get("assignments")
                .size();
        JsonNode after = Json.parse(compAdmin
                .get("/api/v1/territories/assignments?hierarchy=H" + n + "&date=2026-11-01")
                .body());
        assertThat(before).isZero();
        assertThat(after.get("assignments").size()).isPositive();
        assertThat(after.get("unassigned").asInt())
                .as("every other account of the hierarchy")
                .isPositive();

        JsonNode claims = Json.parse(compAdmin
                .get("/api/v1/territories/claims?from=2026-10-01&until=2027-01-01")
                .body());
        int mine = 0;
        for (JsonNode c : claims) {
            if (c.get("territoryId").asLong() == north) {
                mine++;
                assertThat(c.get("validFrom").asString()).isEqualTo("2026-11-01");
                assertThat(c.get("validUntil").asString()).isEqualTo("2027-01-01");
                assertThat(c.get("members").get(0).get("role").asString()).isEqualTo("OWNER");
            }
        }
        assertThat(mine).isEqualTo(after.get("assignments").size());
        assertThat(area + region + district).isPositive();
    }

    @Test
    void onlyPlannersSeeTerritories() {
        WebSession rep = login("rep", "demo");
        assertThat(rep.get("/api/v1/territories").statusCode()).isEqualTo(403);
        assertThat(rep.get("/territories").statusCode()).isEqualTo(403);
        assertThat(login("manager", "demo")
                        .get("/api/v1/territories/assignments")
                        .statusCode())
                .isEqualTo(403);
        assertThat(login("admin", "demo").get("/territories").statusCode()).isEqualTo(200);
    }

    @Test
    void territoriesRulesAndMembersImportThroughTheRecordImportAndExportAsCsv() {
        WebSession compAdmin = login("compadmin", "demo");
        String n = Long.toString(System.nanoTime() % 1_000_000_000L);
        var loaded = compAdmin.sendJson("POST", "/api/v1/territories/bulk", """
                {"records": [
                  {"code": "IA%1$s", "name": "Import area", "level": "AREA", "hierarchy": "I%1$s", "valid_from": "2026-01-01"},
                  {"code": "IR%1$s", "name": "Import region", "level": "REGION", "parent": "IA%1$s", "hierarchy": "I%1$s", "valid_from": "2026-01-01"},
                  {"code": "IX%1$s", "name": "Wrong level", "level": "TERRITORY", "parent": "IA%1$s", "hierarchy": "I%1$s", "valid_from": "2026-01-01"}
                ]}""".formatted(n));
        assertThat(loaded.statusCode()).as(loaded.body()).isIn(200, 207);
        assertThat(loaded.body()).contains("must be a district");
        String tree = compAdmin
                .get("/api/v1/territories?hierarchy=I" + n + "&date=2026-06-01")
                .body();
        assertThat(tree).contains("IA" + n).contains("IR" + n).doesNotContain("IX" + n);

        String csv = compAdmin.get("/territories/export/territories.csv").body();
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("Code,Name,Level,Parent,Hierarchy,From,Until");
        assertThat(csv).contains("IR" + n + ",Import region,REGION,IA" + n + ",I" + n + ",2026-01-01,");
        assertThat(compAdmin.get("/territories/export/territory_rules.csv").body())
                .contains("DE-STRAT,10,");
    }

    @Test
    void territoriesRulesAndMembersExportInTheirProfilesColumnsAndLoadBackUnchanged() {
        WebSession compAdmin = login("compadmin", "demo");
        org.attain.ingest.ImportApiCalls imports = new org.attain.ingest.ImportApiCalls(baseUrl(), compAdmin);
        Map<String, String> profiles = new java.util.LinkedHashMap<>();
        profiles.put("territories", "territories.profile.yaml");
        profiles.put("territory_rules", "territory-rules.profile.yaml");
        profiles.put("territory_members", "territory-members.profile.yaml");
        profiles.forEach((kind, profile) -> {
            String csv = compAdmin.get("/territories/export/" + kind + ".csv").body();
            long rows = csv.lines().count() - 1;
            assertThat(rows).as(kind).isPositive();
            assertThat(imports.load(org.attain.ingest.ImportApiCalls.example(profile), kind + ".csv", csv)
                            .summary())
                    .as(kind + " exported and loaded back through examples/imports/" + profile)
                    .isEqualTo("accepted=0 rejected=0 unchanged=" + rows);
        });
    }

    @Test
    void aRefusedFormSaysWhyInGerman() {
        WebSession compAdmin = login("compadmin", "demo");
        long commercial = territoryId(compAdmin, "DE-COM");
        HttpResponse<String> page = compAdmin.postForm(
                "/territories/" + commercial + "/members?lang=de",
                Map.of(
                        "person",
                        "niemand@example.com",
                        "role",
                        "OWNER",
                        "validFrom",
                        "2026-12-01",
                        "validUntil",
                        "2026-11-01"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("niemand@example.com ist keine Person.")
                .contains("Gültig bis 2026-11-01 muss nach gültig ab 2026-12-01 liegen.");
    }

    private static long create(WebSession s, String n, String prefix, String level, String parent) {
        var r = s.sendJson("POST", "/api/v1/territories", """
                {"hierarchy": "H%s", "code": "%s%s", "name": "%s %s", "level": "%s", "parent": %s, "validFrom": "2026-01-01"}""".formatted(
                        n, prefix, n, level, n, level, parent == null ? "null" : "\"" + parent + "\""));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Json.parse(r.body()).get("id").asLong();
    }

    private static long territoryId(WebSession s, String code) {
        for (JsonNode n :
                Json.parse(s.get("/api/v1/territories?hierarchy=SALES").body())) {
            if (n.get("territory").get("code").asString().equals(code)) {
                return n.get("territory").get("id").asLong();
            }
        }
        throw new AssertionError("no territory " + code);
    }

    private String personOfRep(WebSession s) {
        return Json.parse(login("rep", "demo").get("/api/v1/me").body())
                .get("person")
                .get("id")
                .asString();
    }

    private static Map<String, String> errors(HttpResponse<String> response) {
        Map<String, String> out = new HashMap<>();
        for (JsonNode e : Json.parse(response.body()).get("errors")) {
            out.merge(e.get("field").asString(), e.get("reason").asString(), (a, b) -> a + " " + b);
        }
        return out;
    }

    static List<String> codes(JsonNode tree) {
        return tree.findValues("code").stream().map(JsonNode::asString).toList();
    }
}
