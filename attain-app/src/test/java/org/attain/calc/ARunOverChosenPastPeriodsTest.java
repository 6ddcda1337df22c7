package org.attain.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.attain.calendar.Periods;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A comp admin loads deals of 2017, years before anything else in the demo company: the load says the
 * next run leaves them out and creates 2017's periods; a run over 2017 chosen through the API or the CLI
 * pays them, lists what it did not cover, and the statement and earnings API serve 2017's quarters.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ARunOverChosenPastPeriodsTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Periods periods;

    @Autowired
    DataSource dataSource;

    /** A rep on the demo rep's plan since 2016 (the demo company's people start two years before today). */
    private long archiveRep() {
        Long existing = jdbc.sql("select id from person where external_id = 'ARCHIVE-REP'")
                .query(Long.class)
                .optional()
                .orElse(null);
        if (existing != null) {
            return existing;
        }
        long rep = jdbc.sql("select person_id from app_user where username = 'rep'")
                .query(Long.class)
                .single();
        long id = jdbc.sql("""
                insert into person(external_id, first_name, last_name, email, title, role_type, region_id, team_id,
                                   employment_start, currency)
                select 'ARCHIVE-REP', 'Archie', 'Archive', 'archie.archive@example.com', title, role_type, region_id, team_id,
                       date '2016-01-01', currency from person where id = :rep returning id""").param("rep", rep).query(Long.class).single();
        jdbc.sql("""
                insert into plan_assignment(person_id, plan_key, valid_from, valid_until)
                select :id, plan_key, date '2016-01-01', null from plan_assignment where person_id = :rep
                order by valid_from desc limit 1""").param("id", id).param("rep", rep).update();
        // The demo company's FX rates start two years ago; a run converts every deal into each plan's currency.
        jdbc.sql("""
                insert into fx_rate(from_currency, to_currency, effective_from, rate)
                select distinct on (from_currency, to_currency) from_currency, to_currency, date '2016-01-01', rate
                from fx_rate order by from_currency, to_currency, effective_from
                on conflict do nothing""").update();
        return id;
    }

    private String currencyOf(long person) {
        return jdbc.sql("select currency from person where id = :id")
                .param("id", person)
                .query(String.class)
                .single();
    }

    @Test
    @Order(1)
    void dealsOf2017AreLoadedWithTheirPeriodsAndTheLoadSaysTheNextRunLeavesThemOut() {
        long rep = archiveRep();
        String currency = currencyOf(rep);
        var response =
                login("compadmin", "demo").sendJson("POST", "/api/v1/transactions/bulk", """
                {"source": "archive", "records": [
                  {"external_id": "A17-1", "close_date": "2017-02-14", "amount": "40000.00", "currency": "%1$s", "owner": "ARCHIVE-REP", "deal_type": "new_logo"},
                  {"external_id": "A17-2", "close_date": "2017-03-30", "amount": "25000.00", "currency": "%1$s", "owner": "ARCHIVE-REP", "deal_type": "new_logo"},
                  {"external_id": "A17-3", "close_date": "2017-11-02", "amount": "10000.00", "currency": "%1$s", "owner": "ARCHIVE-REP", "deal_type": "new_logo"}]}""".formatted(currency));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = Json.parse(response.body());
        assertThat(body.get("accepted").asLong()).isEqualTo(3);
        JsonNode outside = body.get("outsideRun");
        assertThat(outside.get("deals").asLong()).isEqualTo(3);
        assertThat(outside.get("byYear").get("2017").asLong()).isEqualTo(3);
        assertThat(outside.get("message").asString())
                .startsWith("3 deals close in 2017, outside the periods of the next run")
                .contains("calc run --from 2017 --to 2017");
        // Every fiscal year from 2017 on exists, with no gap to the years the demo company started with.
        assertThat(periods.find("2017-Q1")).isPresent();
        assertThat(periods.find("2017-11")).isPresent();
        int thisYear = periods.calendar().fiscalYearOf(TODAY);
        for (int fy = 2017; fy <= thisYear + 1; fy++) {
            assertThat(periods.list(null, fy)).as("periods of " + fy).hasSize(17);
        }
        // The import's own record says the same, for the import page and the imports API.
        long importId = body.get("importId").asLong();
        JsonNode status = Json.parse(
                login("compadmin", "demo").get("/api/v1/imports/" + importId).body());
        assertThat(status.get("outsideRun").get("message").asString()).startsWith("3 deals close in 2017");
        String page = login("compadmin", "demo").get("/imports/" + importId).body();
        assertThat(page)
                .contains("data-test=\"outside-run\"")
                .contains("3 deals close in 2017, outside the periods of the next run");
        String german = login("compadmin", "demo")
                .get("/imports/" + importId + "?lang=de")
                .body();
        assertThat(german).contains("3 Abschlüsse liegen in 2017, außerhalb der Perioden des nächsten Laufs");
    }

    @Test
    @Order(2)
    void aRunOverTheFirstHalfOf2017PaysItsDealsAndListsWhatItDidNotCover() {
        long rep = archiveRep();
        jdbc.sql("""
                insert into quota(person_id, period_id, measure, amount, currency, prorate)
                select :id, q, 'bookings', 100000, currency, false from person, unnest(array['2017-Q1','2017-Q2','2017-Q3','2017-Q4']) q
                where person.id = :id on conflict do nothing""").param("id", rep).update();
        var started = login("compadmin", "demo").sendJson("POST", "/api/v1/calc/runs?from=2017-01&to=2017-06", null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        JsonNode run = Json.parse(started.body());
        assertThat(run.get("status").asString()).isEqualTo("DONE");
        List<String> covered = new java.util.ArrayList<>();
        run.get("periods").forEach(p -> covered.add(p.asString()));
        assertThat(covered)
                .containsExactly(
                        "2017-Q1", "2017-01", "2017-02", "2017-03", "2017-Q2", "2017-04", "2017-05", "2017-06");

        // Not covered: every booked transaction outside 2017-01-01..2017-06-30, the November deal among them.
        long outside = jdbc.sql("""
                select count(*) from sales_transaction where kind not in ('CANCELLATION', 'INVOICE_PAYMENT')
                  and (close_date < date '2017-01-01' or close_date > date '2017-06-30')""").query(Long.class).single();
        JsonNode notCovered = run.get("notCovered");
        assertThat(notCovered.get("transactions").asLong()).isEqualTo(outside).isGreaterThan(1);
        assertThat(notCovered.get("byYear").get("2017").asLong()).isEqualTo(1);

        JsonNode q1 = Json.parse(login("compadmin", "demo")
                .get("/api/v1/people/" + rep + "/earnings?period=2017-Q1")
                .body());
        assertThat(q1.get("calculated").asBoolean()).isTrue();
        assertThat(new BigDecimal(q1.get("earnings").asString())).isPositive();
        assertThat(q1.toString()).contains("A17-1").contains("A17-2");
        // The statement page offers 2017's quarters now that a run calculated them.
        String statement = login("compadmin", "demo")
                .get("/people/" + rep + "/statement?period=2017-Q1")
                .body();
        assertThat(statement).contains("<option value=\"2017-Q1\"").contains("<option value=\"2017-Q2\"");
        // The run page lists what the run left out.
        String runPage = login("compadmin", "demo")
                .get("/runs/" + run.get("id").asLong())
                .body();
        assertThat(runPage).contains("data-test=\"run-not-covered\"").contains("2017: 1");
    }

    @Test
    @Order(3)
    void theCommandLineRunsAChosenYearAndPrintsWhatItDidNotCover() throws Exception {
        long rep = archiveRep();
        String url;
        String user;
        try (Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
            user = c.getMetaData().getUserName();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CalcCommand.run(
                new String[] {
                    "run",
                    "--from",
                    "2017-01",
                    "--to",
                    "2017-12",
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + user,
                    "--attain.demo.enabled=false",
                    "--attain.clock.today=" + TODAY,
                    "--attain.data-dir=" + java.nio.file.Files.createTempDirectory("attain-cli-")
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed + err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed).containsPattern("run \\d+ DONE").containsPattern("not covered: [\\d,]+ transactions \\(");
        assertThat(printed).doesNotContain("2017:");
        JsonNode q4 = Json.parse(login("compadmin", "demo")
                .get("/api/v1/people/" + rep + "/earnings?period=2017-Q4")
                .body());
        assertThat(q4.get("calculated").asBoolean()).isTrue();
        assertThat(q4.toString()).contains("A17-3");
    }

    @Test
    void aReversedRangeIsRefusedOnEveryDoorAndNothingRuns() {
        long runsBefore = runCount();
        var api = login("compadmin", "demo").sendJson("POST", "/api/v1/calc/runs?from=2017-12&to=2017-01", null);
        assertThat(api.statusCode()).isEqualTo(400);
        JsonNode problem = Json.parse(api.body());
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("to");
        assertThat(problem.get("errors").get(0).get("reason").asString())
                .contains("runs backwards")
                .contains("2017-01");
        var unreadable = login("compadmin", "demo").sendJson("POST", "/api/v1/calc/runs?from=2017-13&to=2017-12", null);
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(Json.parse(unreadable.body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("from");
        var tooLong = login("compadmin", "demo").sendJson("POST", "/api/v1/calc/runs?from=2001&to=2017", null);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(Json.parse(tooLong.body()).get("errors").get(0).get("reason").asString())
                .contains("17 fiscal years");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CalcCommand.run(
                new String[] {"run", "--from", "2017-1x"},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .doesNotContain("\n")
                .contains("'2017-1x' is not a period");
        assertThat(runCount()).isEqualTo(runsBefore);
    }

    @Test
    void aRangeHoldingAClosedPeriodIsRefusedNamingIt() {
        periods.ensureCovering(LocalDate.of(2015, 1, 1), LocalDate.of(2015, 12, 31));
        if (periods.find("2015-05").orElseThrow().status() != org.attain.calendar.PeriodStatus.CLOSED) {
            periods.close("2015-05", "finance");
        }
        try {
            long runsBefore = runCount();
            var api = login("compadmin", "demo").sendJson("POST", "/api/v1/calc/runs?from=2015-01&to=2015-12", null);
            assertThat(api.statusCode()).isEqualTo(400);
            assertThat(Json.parse(api.body()).get("errors").get(0).get("reason").asString())
                    .contains("closed period 2015-05")
                    .contains("reopen");
            assertThat(runCount()).isEqualTo(runsBefore);
        } finally {
            // Other tests of the suite run over 2015 (the Superstore years): leave the year open as found.
            periods.reopen("2015-05", "test done", "finance");
        }
    }

    private long runCount() {
        return jdbc.sql("select count(*) from calc_run").query(Long.class).single();
    }
}
