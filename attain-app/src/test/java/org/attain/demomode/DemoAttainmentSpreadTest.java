package org.attain.demomode;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.attain.support.AttainIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo company's reps attain like a real sales team (issue 21, point 10): over the closed quarters the
 * median rep-quarter lands between 85 % and 100 %, about a tenth above 150 %, almost none above 300 %; and
 * a rep at 0 % in the quarter under way really has no won deal in it yet.
 *
 * <p>Reads the demo's own reps (external ids P00001…) so people other tests add do not move the figures.
 */
class DemoAttainmentSpreadTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private record Spread(long count, BigDecimal median, BigDecimal over150, BigDecimal over300) {}

    @Test
    void closedQuartersSpreadLikeARealTeam() {
        Spread spread = jdbc.sql("""
                        with r as (
                            select r.attainment
                            from calc_current_result_v r
                            join calendar_period_v per on per.id = r.period_id
                            join org_person_v p on p.id = r.person_id
                            where per.kind = 'QUARTER' and per.ends_on < :today and p.role_type = 'REP'
                              and p.external_id ~ '^P[0-9]{5}$' and r.attainment is not null)
                        select count(*),
                               cast(percentile_cont(0.5) within group (order by attainment) as numeric(9,4)),
                               cast(count(*) filter (where attainment > 1.5) as numeric) / count(*),
                               cast(count(*) filter (where attainment > 3) as numeric) / count(*)
                        from r""")
                .param("today", TODAY)
                .query((rs, n) ->
                        new Spread(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4)))
                .single();

        assertThat(spread.count()).as("rep-quarters").isGreaterThan(500);
        assertThat(spread.median()).as("median attainment").isBetween(new BigDecimal("0.85"), new BigDecimal("1.00"));
        assertThat(spread.over150()).as("share above 150 %").isBetween(new BigDecimal("0.04"), new BigDecimal("0.16"));
        assertThat(spread.over300()).as("share above 300 %").isLessThanOrEqualTo(new BigDecimal("0.01"));
    }

    @Test
    void aRepAtZeroInTheQuarterUnderWayHasNoWonDealInItYet() {
        List<String> zeroWithDeals =
                jdbc.sql("""
                        select p.external_id
                        from calc_current_result_v r
                        join calendar_period_v per on per.id = r.period_id
                        join org_person_v p on p.id = r.person_id
                        where per.kind = 'QUARTER' and :today between per.starts_on and per.ends_on
                          and p.role_type = 'REP' and p.external_id ~ '^P[0-9]{5}$' and r.attainment = 0
                          and exists (select 1 from sales_booking_v b
                                      where b.owner_id = p.id and b.status = 'won'
                                        and b.close_date between per.starts_on and :today)""").param("today", TODAY).query(String.class).list();

        assertThat(zeroWithDeals)
                .as("reps at 0 %% although they won a deal this quarter")
                .isEmpty();
    }
}
