package org.attain.pay;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.DateDependent;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** "What if I close this deal?" answers with the new earnings and the changed lines, and stores nothing. */
@DateDependent
class WhatIfTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aBigNewLogoRaisesCommissionAndPaysTheSpiffWithoutWritingAnything() {
        WebSession rep = login("rep", "demo");
        long me = Json.parse(rep.get("/api/v1/me").body()).get("id").asLong();
        long resultsBefore = jdbc.sql("select count(*) from payee_period_result")
                .query(Long.class)
                .single();
        var response = rep.sendJson(
                "POST",
                "/api/v1/people/" + me + "/what-if",
                "{\"amount\":\"50000.00\",\"closeDate\":\"" + TODAY + "\",\"type\":\"new_logo\",\"termMonths\":36}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode outcome = Json.parse(response.body());
        assertThat(outcome.get("difference").decimalValue()).isGreaterThan(new BigDecimal("250.00"));
        assertThat(outcome.get("changes").findValuesAsString("component")).contains("commission", "new_logo_spiff");
        assertThat(jdbc.sql("select count(*) from payee_period_result")
                        .query(Long.class)
                        .single())
                .isEqualTo(resultsBefore);
    }

    @Test
    void negativeAbsurdAndMissingAmountsAreRefusedFieldByField() {
        WebSession rep = login("rep", "demo");
        long me = Json.parse(rep.get("/api/v1/me").body()).get("id").asLong();
        for (String amount : new String[] {"\"-5000\"", "\"99999999999\"", "null"}) {
            var response = rep.sendJson("POST", "/api/v1/people/" + me + "/what-if", "{\"amount\":" + amount + "}");
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(Json.parse(response.body())
                            .get("errors")
                            .get(0)
                            .get("field")
                            .asString())
                    .isEqualTo("amount");
        }
        var badType =
                rep.sendJson("POST", "/api/v1/people/" + me + "/what-if", "{\"amount\":\"100\",\"type\":\"gift\"}");
        assertThat(Json.parse(badType.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("type");
    }

    @Test
    void nobodyAsksWhatIfForSomeoneTheyCannotSee() {
        WebSession rep = login("rep", "demo");
        long other = jdbc.sql(
                        "select id from person where role_type = 'REP' and id <> (select person_id from app_user where username = 'rep') limit 1")
                .query(Long.class)
                .single();
        assertThat(rep.sendJson("POST", "/api/v1/people/" + other + "/what-if", "{\"amount\":\"100\"}")
                        .statusCode())
                .isEqualTo(404);
    }
}
