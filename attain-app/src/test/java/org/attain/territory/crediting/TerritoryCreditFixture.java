package org.attain.territory.crediting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The demo company seen through territory crediting: one account with won deals on at least two days of the
 * current quarter, all owned by one rep (not the {@code rep} login); account executives to own and overlay a
 * territory of a hierarchy of the test's own that claims just that account by name.
 */
record TerritoryCreditFixture(
        long accountId,
        String account,
        long dealOwner,
        List<String> deals,
        List<LocalDate> closeDates,
        long rep,
        long overlay,
        long newOwner,
        String quarter) {

    static final long REP = 38;

    static TerritoryCreditFixture find(JdbcClient jdbc, String quarter, LocalDate from, LocalDate to) {
        var account = jdbc.sql("""
                select t.account_id, a.external_id, min(t.owner_id)
                from sales_transaction t join account a on a.id = t.account_id
                where t.close_date between :from and :to and t.kind = 'DEAL'
                group by 1, 2
                having count(distinct t.owner_id) = 1 and count(t.owner_id) = count(*) and min(t.owner_id) <> :rep
                   and bool_and(t.status = 'won' and t.splits is null and t.source = 'attain')
                   and count(distinct t.close_date) >= 2
                order by t.account_id limit 1""")
                .param("from", from)
                .param("to", to)
                .param("rep", REP)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3)})
                .single();
        long accountId = (Long) account[0];
        List<String> deals = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        jdbc.sql("""
                select external_id, close_date from sales_transaction
                where account_id = :a and close_date between :from and :to and kind = 'DEAL'
                order by close_date, external_id""").param("a", accountId).param("from", from).param("to", to).query(rs -> {
            deals.add(rs.getString(1));
            dates.add(rs.getObject(2, LocalDate.class));
        });
        long owner = (Long) account[2];
        List<Long> others = jdbc.sql("""
                select distinct r.person_id from payee_period_result r
                where r.is_current and r.period_id = :q and r.person_id not in (:rep, :owner)
                  and r.person_id in (select person_id from plan_assignment where plan_key like 'ae-%')
                order by r.person_id limit 2""")
                .param("q", quarter)
                .param("rep", REP)
                .param("owner", owner)
                .query(Long.class)
                .list();
        return new TerritoryCreditFixture(
                accountId, (String) account[1], owner, deals, dates, REP, others.get(0), others.get(1), quarter);
    }

    /** The deals closed before {@code day}. */
    Set<String> dealsBefore(LocalDate day) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < deals.size(); i++) {
            if (closeDates.get(i).isBefore(day)) {
                out.add(deals.get(i));
            }
        }
        return out;
    }

    /** The deals closed on or after {@code day}. */
    Set<String> dealsFrom(LocalDate day) {
        Set<String> out = new LinkedHashSet<>(deals);
        out.removeAll(dealsBefore(day));
        return out;
    }

    /** The last close date: a day inside the quarter with deals before it and on it. */
    LocalDate lastDay() {
        return closeDates.get(closeDates.size() - 1);
    }

    /** A hierarchy and an area of its own claiming the account by name, the rep its owner and an overlay; the area's id. */
    long territory(WebSession planner, String code) {
        created(planner.sendJson(
                "POST",
                "/api/v1/territories/hierarchies",
                "{\"code\": \"%s\", \"name\": \"%s\"}".formatted(code, code)));
        long area = Json.parse(created(planner.sendJson("POST", "/api/v1/territories", """
                        {"hierarchy": "%s", "code": "%s-A", "name": "Named %s", "level": "AREA", "validFrom": "%d-01-01"}""".formatted(
                                code, code, code, closeDates.get(0).getYear() - 1))))
                .get("id")
                .asLong();
        created(planner.sendJson("POST", "/api/v1/territories/" + area + "/rules", """
                {"precedence": 1, "accounts": ["%s"], "validFrom": "%d-01-01"}""".formatted(
                        account, closeDates.get(0).getYear() - 1)));
        member(planner, area, rep, "OWNER", null);
        member(planner, area, overlay, "OVERLAY", null);
        return area;
    }

    long member(WebSession planner, long area, long person, String role, LocalDate from) {
        String since = from == null ? (closeDates.get(0).getYear() - 1) + "-01-01" : from.toString();
        return Json.parse(created(planner.sendJson(
                        "POST", "/api/v1/territories/" + area + "/members", """
                        {"person": "%d", "role": "%s", "validFrom": "%s"}""".formatted(person, role, since))))
                .get("id")
                .asLong();
    }

    static void policy(WebSession planner, String hierarchy, String precedence) {
        String body = hierarchy == null
                ? "{\"enabled\": false}"
                : "{\"enabled\": true, \"hierarchy\": \"%s\", \"precedence\": [%s], \"primaryOnce\": true}"
                        .formatted(hierarchy, precedence);
        var put = planner.sendJson("PUT", "/api/v1/territories/crediting-policy", body);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    /** Every deal id on the person's statement for the quarter (all lines' qualifying deals). */
    static Set<String> credited(WebSession who, long person, String quarter) {
        var res = who.get("/api/v1/people/" + person + "/earnings?period=" + quarter);
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode line : Json.parse(res.body()).get("lines")) {
            line.path("qualifying").forEach(q -> out.add(q.asString()));
        }
        return out;
    }

    /** The coded trace steps of the person's statement: code and arguments joined by '|'. */
    static List<String> territorySteps(WebSession who, long person, String quarter) {
        var res = who.get("/api/v1/people/" + person + "/earnings?period=" + quarter);
        List<String> out = new ArrayList<>();
        for (JsonNode line : Json.parse(res.body()).get("lines")) {
            for (JsonNode step : line.path("trace").path("steps")) {
                if (step.has("code") && step.get("code").asString().startsWith("trace.territory.")) {
                    List<String> args = new ArrayList<>();
                    step.path("args").forEach(a -> args.add(a.asString()));
                    out.add(step.get("code").asString() + "|" + String.join("|", args));
                }
            }
        }
        return out;
    }

    private static String created(java.net.http.HttpResponse<String> res) {
        assertThat(res.statusCode()).as(res.body()).isIn(200, 201);
        return res.body();
    }

    /** A person's name as the statement shows it (first and last name). */
    static String name(JdbcClient jdbc, long person) {
        return jdbc.sql("select first_name || ' ' || last_name from org_person_v where id = :id")
                .param("id", person)
                .query(String.class)
                .single();
    }
}
