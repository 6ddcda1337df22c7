package org.attain.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The forecast pages' CSV downloads over real HTTP carry the numbers the pages show: a manager's roll-up (every person
 * and category, the call beside what the deals say) and the quarter's deals; finance's statistical forecast by month
 * and its methods with their backtest accuracy; the same rights as the pages.
 */
class ForecastExportsTest extends AttainIntegrationTest {

    @Test
    void aManagersRollUpAndDealsComeAsCsvWithTheFiguresOfTheForecast() throws IOException {
        WebSession manager = login("manager", "demo");
        JsonNode view = ForecastApiTest.ok(manager.get("/api/v1/forecast?currency=USD"));
        String query = "?currency=USD&period=" + view.get("periodId").asString();

        List<CSVRecord> rollUp = csv(manager.get("/forecast/rollup.csv" + query));
        assertThat(rollUp).hasSize((1 + view.get("reports").size()) * 4);
        for (CSVRecord r : rollUp) {
            if (r.get("person_id").equals(view.get("personId").asString())) {
                JsonNode line =
                        view.get("total").get("lines").get(r.get("category").toUpperCase());
                assertThat(new BigDecimal(r.get("computed")))
                        .as(r.get("category"))
                        .isEqualByComparingTo(line.get("computed").asString());
                assertThat(new BigDecimal(r.get("rolled_up")))
                        .isEqualByComparingTo(line.get("rolledUp").asString());
                if (line.hasNonNull("called")) {
                    assertThat(new BigDecimal(r.get("called")))
                            .isEqualByComparingTo(line.get("called").asString());
                } else {
                    assertThat(r.get("called")).isEmpty();
                }
                assertThat(new BigDecimal(r.get("weighted")))
                        .isEqualByComparingTo(view.get("total").get("weighted").asString());
            }
        }
        assertThat(rollUp.stream().map(r -> r.get("category")).distinct())
                .containsExactlyInAnyOrder("closed", "commit", "best_case", "pipeline");

        List<CSVRecord> deals = csv(manager.get("/forecast/deals.csv" + query));
        assertThat(deals).hasSize(view.get("opportunities").size());
        BigDecimal total =
                deals.stream().map(d -> new BigDecimal(d.get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal pipeline = new BigDecimal(
                view.get("total").get("lines").get("PIPELINE").get("computed").asString());
        // Every deal but the omitted ones counts in the cumulative pipeline.
        BigDecimal omitted = deals.stream()
                .filter(d -> d.get("category").equals("omitted"))
                .map(d -> new BigDecimal(d.get("amount")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        // Each deal in cents, the total from the exact amounts: a cent apart per deal at most.
        assertThat(total.subtract(omitted))
                .isCloseTo(
                        pipeline,
                        org.assertj.core.api.Assertions.within(
                                new BigDecimal("0.01").multiply(BigDecimal.valueOf(deals.size()))));

        assertThat(login("rep", "demo").get("/forecast/rollup.csv").statusCode())
                .isEqualTo(403);
    }

    @Test
    void theStatisticalForecastComesAsMonthsAndMethodsWithTheirAccuracy() throws IOException {
        WebSession finance = login("finance", "demo");
        JsonNode view = ForecastApiTest.ok(finance.get("/api/v1/forecast/statistical?scope=company&currency=USD"));

        List<CSVRecord> months = csv(finance.get("/forecast/statistical.csv?scope=company&currency=USD"));
        assertThat(months)
                .hasSize(view.get("history").size() + view.get("forecast").size());
        CSVRecord next = months.get(view.get("history").size());
        JsonNode first = view.get("forecast").get(0);
        assertThat(next.get("month")).isEqualTo(first.get("month").asString());
        assertThat(new BigDecimal(next.get("forecast")))
                .isEqualByComparingTo(first.get("forecast").asString());
        assertThat(new BigDecimal(next.get("low_p10")))
                .isEqualByComparingTo(first.get("low").asString());
        assertThat(new BigDecimal(next.get("high_p90")))
                .isEqualByComparingTo(first.get("high").asString());
        assertThat(next.get("method")).isEqualTo(view.get("picked").asString().toLowerCase());

        List<CSVRecord> methods = csv(finance.get("/forecast/statistical-methods.csv?scope=company&currency=USD"));
        assertThat(methods)
                .extracting(m -> m.get("method"))
                .containsExactly(
                        "seasonal_naive", "holt_winters_additive", "holt_winters_multiplicative", "pipeline_run_rate");
        assertThat(methods).filteredOn(m -> m.get("picked").equals("true")).hasSize(1);
        CSVRecord pipeline = methods.get(3);
        assertThat(pipeline.get("flattered")).isEqualTo("true");
        assertThat(pipeline.get("mase")).isNotBlank();

        assertThat(login("manager", "demo")
                        .get("/forecast/statistical.csv?scope=company")
                        .statusCode())
                .isEqualTo(403);
    }

    private static List<CSVRecord> csv(HttpResponse<String> r) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        return CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(r.body()))
                .getRecords();
    }
}
