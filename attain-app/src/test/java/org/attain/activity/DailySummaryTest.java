package org.attain.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.DateDependent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The daily summary counts exactly what the home page's activity tile and team table count from the
 * raw rows (same days, same kinds), including rows the demo loader wrote without going through capture.
 */
@DateDependent
class DailySummaryTest extends AttainIntegrationTest {

    @Autowired
    ActivitySummaries summaries;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void everyPersonsThirtyDayMixMatchesTheRawRows() {
        LocalDate to = LocalDate.now(clock);
        LocalDate from = to.minusDays(30);
        List<Long> people = jdbc.sql("select distinct person_id from activity order by 1")
                .query(Long.class)
                .list();
        assertThat(people).isNotEmpty();
        Map<Long, Long> totals = summaries.totals(people, from, to);
        for (long person : people) {
            // The home page's query, verbatim.
            List<ActivitySummaries.KindCount> raw = jdbc.sql("""
                    select kind, count(*) as count from activity
                    where person_id = :p and occurred_at >= :from and occurred_at < cast(:to as date) + 1
                    group by kind order by kind""")
                    .param("p", person)
                    .param("from", from)
                    .param("to", to)
                    .query(ActivitySummaries.KindCount.class)
                    .list();
            assertThat(summaries.mix(person, from, to)).as("person %s", person).isEqualTo(raw);
            assertThat(totals.get(person))
                    .isEqualTo(raw.stream()
                            .mapToLong(ActivitySummaries.KindCount::count)
                            .sum());
        }
    }
}
