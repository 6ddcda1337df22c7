package org.attain.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.attain.pay.Earnings;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Every deal behind a commission line is stored as an explained row, and those rows add up to the line. */
class ExplainedDealLinesTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    record LineSum(long resultId, int lineNo, BigDecimal amount, BigDecimal dealSum, int qualifying, int deals) {}

    @Test
    void theDealsOfEveryCommissionLineAddUpToItsAmount() {
        List<LineSum> lines = jdbc.sql("""
                select l.result_id, l.line_no, l.amount, coalesce(sum(d.amount), 0) as deal_sum,
                       cardinality(q.qualifying) as qualifying, count(d.deal_no) as deals
                from earnings_line l join payee_period_result r on r.id = l.result_id and r.is_current
                join earnings_line_qualifying q on q.result_id = l.result_id and q.line_no = l.line_no
                left join earnings_line_deal d on d.result_id = l.result_id and d.line_no = l.line_no
                where l.component = 'commission'
                group by l.result_id, l.line_no, l.amount, q.qualifying""").query(LineSum.class).list();
        assertThat(lines).isNotEmpty();
        assertThat(lines).anySatisfy(l -> assertThat(l.deals()).isPositive());
        assertThat(lines).allSatisfy(l -> {
            assertThat(l.dealSum().setScale(2, RoundingMode.HALF_EVEN)).isEqualByComparingTo(l.amount());
            assertThat(l.deals()).isEqualTo(l.qualifying());
        });
    }

    @Test
    void aLineWhoseQualifyingDealsAreItsExplainedDealsStoresTheirIdsOnlyInThePack() {
        var row = jdbc.sql("""
                select count(*) filter (where l.qualifying_in_pack) as in_pack,
                       count(*) filter (where l.qualifying_in_pack and cardinality(l.qualifying) > 0) as twice,
                       count(*) filter (where not l.qualifying_in_pack and p.deals is not null
                                        and cardinality(l.qualifying) = 0) as lost
                from earnings_line l
                left join earnings_line_deal_pack p on p.result_id = l.result_id and p.line_no = l.line_no
                where l.component = 'commission'""").query().singleRow();
        assertThat((Long) row.get("in_pack")).isPositive();
        assertThat((Long) row.get("twice")).isZero();
        assertThat((Long) row.get("lost")).isZero();
    }

    @Test
    void aTieredDealKeepsItsTierSlicesAndCredit() {
        var row = jdbc.sql("""
                select d.transaction_id, d.credited, d.tiers, d.tier_bases::text as bases, d.amount
                from earnings_line_deal d join earnings_line l on l.result_id = d.result_id and l.line_no = d.line_no
                where l.component = 'commission' and cardinality(d.tiers) > 0 limit 1""").query().singleRow();
        assertThat((String) row.get("transaction_id")).isNotBlank();
        assertThat((BigDecimal) row.get("credited")).isPositive();
        assertThat((BigDecimal) row.get("amount")).isPositive();
    }

    @Autowired
    Earnings earnings;

    @Test
    void aLineStoresItsStepsAndDealCountAndItsStatementShowsItsFirstDealsFromThePack() {
        var row = jdbc.sql("""
                select r.person_id, r.period_id, l.result_id, l.line_no, l.trace::text as trace
                from earnings_line l join payee_period_result r on r.id = l.result_id and r.is_current
                join earnings_line_qualifying q on q.result_id = l.result_id and q.line_no = l.line_no
                where l.component = 'commission' and cardinality(q.qualifying) > 0
                order by cardinality(q.qualifying) desc, l.result_id limit 1""").query().singleRow();
        JsonNode stored = Json.parse((String) row.get("trace"));
        int total = stored.get("transactions_total").asInt();
        assertThat(total).isGreaterThan(Earnings.DEALS_SHOWN);
        assertThat(stored.has("transactions"))
                .as("the deals are stored once, in the pack")
                .isFalse();
        assertThat(stored.get("steps").size()).isPositive();

        int lineNo = ((Number) row.get("line_no")).intValue();
        Earnings.Line line =
                earnings
                        .statement(((Number) row.get("person_id")).longValue(), (String) row.get("period_id"))
                        .lines()
                        .stream()
                        .filter(l -> l.lineNo() == lineNo)
                        .findFirst()
                        .orElseThrow();
        JsonNode shown = line.trace().get("transactions");
        assertThat(shown.size()).isEqualTo(Earnings.DEALS_SHOWN);
        assertThat(line.trace().get("steps")).isEqualTo(stored.get("steps"));
        assertThat(line.trace().get("transactions_total").asInt()).isEqualTo(total);
        List<Map<String, Object>> first = jdbc.sql("""
                select transaction_id, close_date::text as date, credit_rule, share::text as share,
                       credited::text || ' ' || currency as credited, amount::text as amount, tier_bases, tier_rates
                from earnings_line_deal where result_id = :r and line_no = :n order by deal_no limit :k""")
                .param("r", row.get("result_id"))
                .param("n", lineNo)
                .param("k", Earnings.DEALS_SHOWN)
                .query()
                .listOfRows();
        for (int i = 0; i < first.size(); i++) {
            JsonNode deal = shown.get(i);
            Map<String, Object> sql = first.get(i);
            assertThat(deal.get("transaction").asString()).isEqualTo(sql.get("transaction_id"));
            assertThat(deal.get("date").asString()).isEqualTo(sql.get("date"));
            assertThat(deal.get("credit_rule").asString()).isEqualTo(sql.get("credit_rule"));
            assertThat(deal.get("share").asString()).isEqualTo(sql.get("share"));
            assertThat(deal.get("credited").asString()).isEqualTo(sql.get("credited"));
            assertThat(deal.get("amount").asString()).isEqualTo(sql.get("amount"));
            assertThat(deal.get("via").asString())
                    .as("the person the credit came through")
                    .isNotBlank();
            assertThat(deal.get("source_amount").asString()).isNotBlank();
            assertThat(deal.get("fx_rate").asString()).isNotBlank();
            assertThat(deal.get("tiers")).isNotEmpty().allSatisfy(slice -> {
                assertThat(slice.get("bounds").asString()).isNotBlank();
                assertThat(new BigDecimal(slice.get("amount").asString()))
                        .isEqualByComparingTo(new BigDecimal(slice.get("base").asString())
                                .multiply(new BigDecimal(slice.get("rate").asString())));
            });
        }
    }
}
