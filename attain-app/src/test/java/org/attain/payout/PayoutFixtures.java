package org.attain.payout;

import java.util.List;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo company's cast for payout tests: the rep, a teammate under the same manager, the manager,
 * and outsiders who report elsewhere, each with calculated pay in a chosen quarter. Tests share one
 * database, so each test approves or disputes its own payee and never counts rows it did not make.
 */
public final class PayoutFixtures {

    private final JdbcClient jdbc;
    public final long rep;
    public final long manager;
    public final String quarter;

    public PayoutFixtures(JdbcClient jdbc, java.util.function.BiFunction<String, String, WebSession> login) {
        this.jdbc = jdbc;
        this.rep = Json.parse(login.apply("rep", "demo").get("/api/v1/me").body())
                .get("id")
                .asLong();
        this.manager = Json.parse(
                        login.apply("manager", "demo").get("/api/v1/me").body())
                .get("id")
                .asLong();
        // The latest quarter up to today in which the rep earned something: the one a rep would question
        // (later quarters of the year have results too, with lines of nothing yet).
        this.quarter = jdbc.sql("""
                select r.period_id from payee_period_result r join period p on p.id = r.period_id
                where r.person_id = :rep and r.is_current and p.kind = 'QUARTER' and p.starts_on <= :today
                  and exists (select 1 from earnings_line l where l.result_id = r.id and l.amount <> 0)
                order by p.starts_on desc limit 1""")
                .param("rep", rep)
                .param("today", org.attain.support.AttainIntegrationTest.TODAY)
                .query(String.class)
                .single();
    }

    /** Direct reports of the manager other than the demo rep, with calculated pay in the quarter. */
    public List<Long> teammates() {
        return jdbc.sql("""
                select rl.person_id from reporting_line rl
                join payee_period_result r on r.person_id = rl.person_id and r.period_id = :q and r.is_current
                where rl.manager_id = :m and rl.person_id <> :rep
                  and rl.valid_from <= cast(:today as date) and (rl.valid_until is null or rl.valid_until > cast(:today as date))
                order by rl.person_id""")
                .param("m", manager)
                .param("rep", rep)
                .param("q", quarter)
                .param("today", org.attain.support.AttainIntegrationTest.TODAY)
                .query(Long.class)
                .list();
    }

    /** Reps outside the manager's subtree with calculated pay in the quarter. */
    public List<Long> outsiders() {
        return jdbc.sql("""
                select r.person_id from payee_period_result r join person p on p.id = r.person_id
                where r.period_id = :q and r.is_current and p.role_type = 'REP' and p.id not in (
                  with recursive sub(id) as (select cast(:m as bigint) union
                    select rl.person_id from reporting_line rl join sub on rl.manager_id = sub.id
                    where rl.valid_from <= cast(:today as date) and (rl.valid_until is null or rl.valid_until > cast(:today as date)))
                  select id from sub)
                order by r.person_id""")
                .param("m", manager)
                .param("q", quarter)
                .param("today", org.attain.support.AttainIntegrationTest.TODAY)
                .query(Long.class)
                .list();
    }

    /** The first statement line of a payee in the quarter. */
    public int firstLine(long personId) {
        return jdbc.sql("""
                select min(l.line_no) from earnings_line l join payee_period_result r on r.id = l.result_id
                where r.person_id = :p and r.period_id = :q and r.is_current""")
                .param("p", personId)
                .param("q", quarter)
                .query(Integer.class)
                .single();
    }

    public static String disputeJson(long personId, String period, int line, String text) {
        return "{\"personId\":" + personId + ",\"period\":\"" + period + "\",\"lineNo\":" + line + ",\"text\":"
                + (text == null ? "null" : "\"" + text + "\"") + "}";
    }
}
