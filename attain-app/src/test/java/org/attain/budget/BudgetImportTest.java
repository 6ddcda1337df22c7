package org.attain.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.attain.ingest.ImportApiCalls;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Budgets loaded through an ingest profile like any record: a finance team's CSV with its own column names and German
 * numbers is mapped by the profile, good rows are upserted by (period, team, category), a row for a closed period, an
 * unknown team or a negative amount is quarantined naming its column and reason while the rest load, and loading the
 * same file again changes nothing.
 */
class BudgetImportTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private static final String PROFILE = """
            record: budgets
            source: finance-plan
            format: {numbers: de, delimiter: ";"}
            columns: {period: Zeitraum, team: Team, category: Art, amount: Betrag, currency: Währung}
            """;

    @Test
    void aBudgetFileLoadsThroughItsProfileWithBadRowsQuarantined() {
        String team = jdbc.sql("select code from team order by id limit 1")
                .query(String.class)
                .single();
        long teamId = jdbc.sql("select id from team where code = :c")
                .param("c", team)
                .query(Long.class)
                .single();
        String open = (TODAY.getYear() + 1) + "-Q1";
        String closed = jdbc.sql(
                        "select id from period where status = 'CLOSED' and kind = 'QUARTER' order by id limit 1")
                .query(String.class)
                .optional()
                .orElse(null);
        StringBuilder csv = new StringBuilder("Zeitraum;Team;Art;Betrag;Währung\n");
        csv.append(open).append(';').append(team).append(";MARKETING;12.500,50;EUR\n");
        csv.append(open).append(';').append(team).append(";HEADCOUNT;7;\n");
        csv.append(open).append(";NO-SUCH-TEAM;OTHER;100;EUR\n");
        csv.append(open).append(';').append(team).append(";OTHER;-5;EUR\n");
        if (closed != null) {
            csv.append(closed).append(';').append(team).append(";OTHER;100;EUR\n");
        }
        ImportApiCalls calls = new ImportApiCalls(baseUrl(), login("compadmin", "demo"));
        ImportApiCalls.Done done = calls.load(PROFILE, "budget.csv", csv.toString());
        assertThat(done.record().get("rejected").asLong()).isEqualTo(closed == null ? 2 : 3);
        assertThat(String.join("\n", done.problems()))
                .contains("NO-SUCH-TEAM")
                .contains("Betrag")
                .contains(closed == null ? "Betrag" : "is closed");
        assertThat(jdbc.sql("""
                        select amount from budget where period_id = :p and team_id = :t and category = 'MARKETING'""")
                        .param("p", open)
                        .param("t", teamId)
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("12500.50");
        assertThat(jdbc.sql("""
                        select amount from budget where period_id = :p and team_id = :t and category = 'HEADCOUNT'""")
                        .param("p", open)
                        .param("t", teamId)
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("7");
        // The budget page's API reads what was imported.
        JsonNode lines = Json.parse(
                login("admin", "demo").get("/api/v1/budgets?period=" + open).body());
        assertThat(lines.toString()).contains("12500.5");

        // The same file again: nothing new, nothing counted twice.
        long rows = jdbc.sql("select count(*) from budget").query(Long.class).single();
        calls.load(PROFILE, "budget.csv", csv.toString());
        assertThat(jdbc.sql("select count(*) from budget").query(Long.class).single())
                .isEqualTo(rows);
    }
}
