package org.attain.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * All the deals of a line over the API, a page at a time: together they are the line's qualifying
 * deals in order and add up to it; the packed row and the unpacking view say the same; only who may
 * read the earnings may read them.
 */
class ExplainedDealsApiTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    record Line(long personId, String period, int lineNo, BigDecimal amount, List<String> qualifying) {}

    /** The rep's commission line with the most deals. */
    private Line busiestLine(long person) {
        return jdbc.sql("""
                select r.person_id, r.period_id, l.line_no, l.amount, q.qualifying
                from payee_period_result r join earnings_line l on l.result_id = r.id
                join earnings_line_qualifying q on q.result_id = l.result_id and q.line_no = l.line_no
                where r.is_current and r.person_id = :p and l.component = 'commission'
                order by cardinality(q.qualifying) desc, r.period_id limit 1""")
                .param("p", person)
                .query((rs, n) ->
                        new Line(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getBigDecimal(4), List.of((String[])
                                rs.getArray(5).getArray())))
                .single();
    }

    @Test
    void pagesOfALinesDealsAreItsQualifyingDealsAndAddUpToIt() {
        Line line = busiestLine(id("rep"));
        assertThat(line.qualifying()).hasSizeGreaterThan(3);
        WebSession rep = login("rep", "demo");
        List<JsonNode> all = new ArrayList<>();
        int limit = 3;
        for (int offset = 0; ; offset += limit) {
            var response = rep.get(path(line) + "?period=" + line.period() + "&offset=" + offset + "&limit=" + limit);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode page = Json.parse(response.body());
            assertThat(page.get("total").asInt()).isEqualTo(line.qualifying().size());
            page.get("deals").forEach(all::add);
            if (page.get("deals").size() < limit) {
                break;
            }
        }
        assertThat(all).hasSize(line.qualifying().size());
        assertThat(all.stream().map(d -> d.get("transaction").asString()).toList())
                .isEqualTo(line.qualifying());
        // The statement API lists the same qualifying ids, though they are stored only in the packed deals.
        JsonNode statement =
                Json.parse(rep.get("/api/v1/people/" + line.personId() + "/earnings?period=" + line.period())
                        .body());
        List<String> listed = new ArrayList<>();
        for (JsonNode l : statement.get("lines")) {
            if (l.get("lineNo").asInt() == line.lineNo()) {
                l.get("qualifying").forEach(q -> listed.add(q.asString()));
            }
        }
        assertThat(listed).isEqualTo(line.qualifying());
        assertThat(all.stream().map(d -> d.get("dealNo").asInt()).toList())
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, all.size())
                        .boxed()
                        .toList());
        BigDecimal sum = all.stream()
                .map(d -> new BigDecimal(d.get("amount").asString()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum.setScale(2, RoundingMode.HALF_EVEN)).isEqualByComparingTo(line.amount());
        // Every tier slice is base x rate of the deal's credit, and the slices make up the deal's amount.
        for (JsonNode deal : all) {
            BigDecimal sliced = BigDecimal.ZERO;
            for (JsonNode slice : deal.get("tiers")) {
                sliced = sliced.add(new BigDecimal(slice.get("base").asString())
                        .multiply(new BigDecimal(slice.get("rate").asString())));
            }
            if (!deal.get("tiers").isEmpty()) {
                assertThat(sliced)
                        .isEqualByComparingTo(new BigDecimal(deal.get("amount").asString()));
            }
        }
    }

    @Test
    void theUnpackingViewShowsTheSameDealsAsThePackedRowWithTheirScale() {
        Line line = busiestLine(id("rep"));
        record ViewRow(String transactionId, BigDecimal amount, String tiers, String tierBases) {}
        List<ViewRow> viaView = jdbc.sql("""
                select d.transaction_id, d.amount, d.tiers::text as tiers, d.tier_bases::text as tier_bases
                from earnings_line_deal d join payee_period_result r on r.id = d.result_id and r.is_current
                where r.person_id = :p and r.period_id = :period and d.line_no = :line order by d.deal_no""")
                .param("p", line.personId())
                .param("period", line.period())
                .param("line", line.lineNo())
                .query(ViewRow.class)
                .list();
        String body = login("compadmin", "demo")
                .get(path(line) + "?period=" + line.period() + "&limit=1000")
                .body();
        JsonNode deals = Json.parse(body).get("deals");
        assertThat(deals).hasSize(viaView.size());
        for (int i = 0; i < viaView.size(); i++) {
            ViewRow row = viaView.get(i);
            JsonNode deal = deals.get(i);
            assertThat(deal.get("transaction").asString()).isEqualTo(row.transactionId());
            assertThat(new BigDecimal(deal.get("amount").asString())).isEqualByComparingTo(row.amount());
            List<String> tiers = new ArrayList<>();
            List<String> bases = new ArrayList<>();
            deal.get("tiers").forEach(t -> {
                tiers.add(t.get("tier").asString());
                bases.add(new BigDecimal(t.get("base").asString())
                        .stripTrailingZeros()
                        .toPlainString());
            });
            assertThat("{" + String.join(",", tiers) + "}").isEqualTo(row.tiers());
            assertThat(bases)
                    .isEqualTo(java.util.Arrays.stream(
                                    row.tierBases().replaceAll("[{}]", "").split(","))
                            .filter(b -> !b.isEmpty())
                            .map(b -> new BigDecimal(b).stripTrailingZeros().toPlainString())
                            .toList());
            // Stored exactly: the API writes each amount with the scale the engine computed it with.
            assertThat(body).contains("\"amount\":" + row.amount().toPlainString());
        }
    }

    @Test
    void onlyThoseWhoMayReadTheEarningsMayReadTheDeals() {
        Line line = busiestLine(id("rep"));
        long otherRep = jdbc.sql("""
                select p.id from person p where p.role_type = 'REP' and p.id <> :rep and not exists (
                  select 1 from reporting_line rl where rl.person_id = p.id and rl.manager_id = :m)
                order by p.id limit 1""")
                .param("rep", id("rep"))
                .param("m", id("manager"))
                .query(Long.class)
                .single();
        String query = "?period=" + line.period();
        assertThat(login("manager", "demo").get(path(line) + query).statusCode())
                .isEqualTo(200);
        assertThat(login("finance", "demo").get(path(line) + query).statusCode())
                .isEqualTo(200);
        assertThat(login("rep", "demo")
                        .get("/api/v1/people/" + otherRep + "/earnings/lines/1/deals" + query)
                        .statusCode())
                .isEqualTo(404);
        assertThat(login("manager", "demo")
                        .get("/api/v1/people/" + otherRep + "/earnings/lines/1/deals" + query)
                        .statusCode())
                .isEqualTo(404);
        assertThat(anonymous().get(path(line) + query).statusCode()).isEqualTo(401);
    }

    @Test
    void anUnknownLineIsA404AndABadPageSizeA400() {
        Line line = busiestLine(id("rep"));
        WebSession rep = login("rep", "demo");
        assertThat(rep.get("/api/v1/people/" + line.personId() + "/earnings/lines/9999/deals?period=" + line.period())
                        .statusCode())
                .isEqualTo(404);
        var bad = rep.get(path(line) + "?period=" + line.period() + "&limit=0&offset=-1");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("limit").contains("offset").doesNotContain("Exception");
    }

    private static String path(Line line) {
        return "/api/v1/people/" + line.personId() + "/earnings/lines/" + line.lineNo() + "/deals";
    }

    private long id(String username) {
        return jdbc.sql("select person_id from app_user where username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }
}
