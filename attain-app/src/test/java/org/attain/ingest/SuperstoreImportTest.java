package org.attain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The Superstore data set, a real export of 9,994 order lines (2014-2017), loads through the import
 * API with its example profile exactly as published: every line accepted, one payee per region, and
 * each region's sum of accepted amounts equal to the sum of the file read independently. A flat 3%
 * plan over the four regions, run over the four years, pays what the file says to the cent.
 */
class SuperstoreImportTest extends AttainIntegrationTest {

    static final List<String> PAYEES =
            List.of("superstore-central", "superstore-east", "superstore-south", "superstore-west");
    static final Path PLAN = Path.of("../examples/plans/superstore-flat-3-percent.plan.yaml");

    /** The one load of the file both tests read (the context, and so the database, is shared by the test run). */
    private static Loaded loaded;

    record Loaded(String source, ImportApiCalls.Done people, ImportApiCalls.Done transactions) {}

    @Autowired
    JdbcClient jdbc;

    private synchronized Loaded load() throws Exception {
        if (loaded == null) {
            ImportApiCalls api = new ImportApiCalls(baseUrl(), login("compadmin", "demo"));
            ImportApiCalls.Done people = api.load("""
                    record: people
                    source: superstore
                    columns:
                      external_id: {template: "superstore-{Region}", lowercase: true}
                      first_name: {constant: Region}
                      last_name: Region
                      email: {template: "{Region}@superstore.example", lowercase: true}
                      title: {constant: Regional Sales}
                      employment_start: {constant: "2014-01-01"}
                      currency: {constant: USD}
                    """, "regions.csv", "Region\nCentral\nEast\nSouth\nWest\n");
            String source = ImportApiCalls.fresh("superstore");
            String profile = ImportApiCalls.withFreshSource(
                    ImportApiCalls.example("superstore-transactions.profile.yaml"), source);
            loaded = new Loaded(
                    source,
                    people,
                    api.load(profile, "superstore.csv", Files.readAllBytes(SuperstoreFile.FILE), false));
        }
        return loaded;
    }

    @Test
    void everyOrderLineLoadsAndEachRegionsSalesAddUpToTheFile() throws Exception {
        Loaded load = load();
        assertThat(load.people().summary())
                .isIn("accepted=4 rejected=0 unchanged=0", "accepted=0 rejected=0 unchanged=4");
        assertThat(load.transactions().summary()).isEqualTo("accepted=9994 rejected=0 unchanged=0");
        Map<String, BigDecimal> stored = new TreeMap<>();
        jdbc.sql("""
                select p.external_id, sum(t.amount) from sales_transaction t join person p on p.id = t.owner_id
                where t.source = :s and t.currency = 'USD' group by p.external_id""")
                .param("s", load.source())
                .query((rs, n) ->
                        stored.put(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros()))
                .list();
        assertThat(stored).isEqualTo(SuperstoreFile.salesByRegion());
        assertThat(stored.keySet()).containsExactlyElementsOf(PAYEES);
        assertThat(jdbc.sql("""
                select min(close_date)::text || ' ' || max(close_date)::text || ' ' || count(distinct attributes ->> 'segment')
                from sales_transaction where source = :s""").param("s", load.source()).query(String.class).single())
                .isEqualTo("2014-01-03 2017-12-30 3");
    }

    @Test
    void aFlatThreePercentPlanPaysEachRegionThreePercentOfEveryQuarterOfTheFourYearsToTheCent() throws Exception {
        Loaded load = load();
        WebSession compAdmin = login("compadmin", "demo");
        HttpResponse<String> published = compAdmin.sendYaml("/api/v1/plans?confirm=true", Files.readString(PLAN));
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        HttpResponse<String> assigned = compAdmin.sendJson(
                "POST",
                "/api/v1/plans/superstore-flat-3/assignments",
                "{\"personIds\": [\"superstore-central\", \"superstore-east\", \"superstore-south\", \"superstore-west\"],"
                        + " \"from\": \"2014-01-01\"}");
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(201);

        // No FX rates before the demo company's two years: the plan and the deals are in USD, so no credit
        // needs one (a run leaves out only the credits that must be converted and have no rate).
        assertThat(planCurrencies(compAdmin))
                .as("the company's other plan currencies, without rates in 2014")
                .contains("EUR");
        List<Long> ids = jdbc.sql("select id from person where external_id in (:p)")
                .param("p", PAYEES)
                .query(Long.class)
                .list();
        assertThat(ids).hasSize(4);
        // The run without a range covers last and this fiscal year of the pinned clock: all four years stay out, and
        // say so.
        JsonNode standard = run(compAdmin, "/api/v1/calc/runs", ids);
        for (Map.Entry<Integer, Long> year : SuperstoreFile.linesByYear().entrySet()) {
            assertThat(standard.get("periods").toString()).doesNotContain("\"" + year.getKey() + "-");
            assertThat(standard.get("notCovered")
                            .get("byYear")
                            .get(year.getKey().toString())
                            .asLong())
                    .as("transactions of %s the standard run did not cover", year.getKey())
                    .isEqualTo(bookedIn(year.getKey()))
                    .isGreaterThanOrEqualTo(year.getValue());
        }

        JsonNode fourYears = run(compAdmin, "/api/v1/calc/runs?from=2014-01&to=2017-12", ids);
        assertThat(fourYears.get("periods")).hasSize(4 * 16);
        assertThat(fourYears.get("notCovered").get("byYear").has("2015")).isFalse();
        assertThat(fourYears.get("exclusions").asString())
                .as("order lines the run left out")
                .doesNotContain(load.source() + ":");

        // The file's calendar quarters are the app's: the test company's fiscal year starts in January.
        for (JsonNode q : Json.parse(
                compAdmin.get("/api/v1/periods?kind=QUARTER&fiscalYear=2015").body())) {
            int n = Integer.parseInt(q.get("id").asString().substring(6));
            assertThat(q.get("startsOn").asString())
                    .as(q.get("id").asString())
                    .isEqualTo("2015-%02d-01".formatted(3 * n - 2));
        }

        Map<String, BigDecimal> expected = SuperstoreFile.commissionByPayeeAndQuarter(new BigDecimal("0.03"));
        Map<String, BigDecimal> paid = new TreeMap<>();
        WebSession finance = login("finance", "demo");
        for (int year = 2014; year <= 2017; year++) {
            JsonNode report = Json.parse(finance.get("/api/v1/reports/earnings?period=" + year + "&size=5000")
                    .body());
            assertThat(report.get("rows").size())
                    .as("rows of %s on one page", year)
                    .isEqualTo(report.get("total").asInt());
            for (JsonNode row : report.get("rows")) {
                if (PAYEES.contains(row.get("employeeId").asString())) {
                    assertThat(row.get("plan").asString()).isEqualTo("Superstore flat 3%");
                    assertThat(row.get("component").asString()).isEqualTo("commission");
                    assertThat(row.get("currency").asString()).isEqualTo("USD");
                    BigDecimal before = paid.put(
                            row.get("employeeId").asString() + " "
                                    + row.get("period").asString(),
                            row.get("amount").decimalValue().setScale(2));
                    assertThat(before)
                            .as("one line per payee and quarter: %s", row)
                            .isNull();
                }
            }
        }
        assertThat(paid).as("every quarter of 2014-2017 for all four payees").hasSize(4 * 16);
        assertThat(paid).isEqualTo(expected);

        BigDecimal total = paid.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal sales = SuperstoreFile.salesByRegion().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total).isEqualByComparingTo(expected.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        // Rounding once per quarter keeps the total within half a cent per line of 3% of all sales.
        assertThat(total.subtract(sales.multiply(new BigDecimal("0.03"))).abs())
                .isLessThanOrEqualTo(new BigDecimal("0.32"));
    }

    /** A finished run that left none of the region payees out (other tests' payees may be). */
    private static JsonNode run(WebSession compAdmin, String path, List<Long> payees) {
        HttpResponse<String> started = compAdmin.sendJson("POST", path, null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        JsonNode run = Json.parse(started.body());
        assertThat(run.get("status").asString()).as(started.body()).isEqualTo("DONE");
        run.get("failedPayees")
                .forEach(f -> assertThat(payees)
                        .as("left out: %s", f)
                        .doesNotContain(f.get("personId").asLong()));
        return run;
    }

    private static List<String> planCurrencies(WebSession compAdmin) {
        return Json.parse(compAdmin.get("/api/v1/plans").body())
                .valueStream()
                .map(p -> p.get("currency").asString())
                .distinct()
                .sorted()
                .toList();
    }

    /** Booked transactions of any source closing in the year: what a run not covering it must count. */
    private long bookedIn(int year) {
        return jdbc.sql("""
                select count(*) from sales_transaction where kind not in ('CANCELLATION', 'INVOICE_PAYMENT')
                  and extract(year from close_date) = :y""").param("y", year).query(Long.class).single();
    }
}
