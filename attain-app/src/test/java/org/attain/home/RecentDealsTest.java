package org.attain.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.attain.sales.SalesFigures;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.DateDependent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A rep's recent won deals on the home page are their n most recent by date, then id, whatever the
 * bound the query uses to read fewer rows: checked against sorting all of them, for every rep of the
 * demo company and for a rep with several deals on one day (ties across the n-th place).
 */
@DateDependent
class RecentDealsTest extends AttainIntegrationTest {

    @Autowired
    SalesFigures sales;

    @Autowired
    JdbcClient jdbc;

    private List<String> allSorted(long personId, int n) {
        return jdbc.sql("""
                select external_id from sales_transaction where owner_id = :p and status = 'won'
                order by close_date desc, id desc limit :n""")
                .param("p", personId)
                .param("n", n)
                .query(String.class)
                .list();
    }

    private List<String> shown(long personId, int n) {
        LocalDate today = TODAY;
        return sales.ofOwner(personId, today.minusDays(90), today, n).recentDeals().stream()
                .map(SalesFigures.Deal::externalId)
                .toList();
    }

    @Test
    void theRecentDealsAreTheNewestByDateThenIdForEveryOwner() {
        List<Long> owners = jdbc.sql("select distinct owner_id from sales_transaction where status = 'won' order by 1")
                .query(Long.class)
                .list();
        assertThat(owners).isNotEmpty();
        for (long owner : owners) {
            for (int n : new int[] {1, 8, 1000}) {
                assertThat(shown(owner, n)).as("owner %d, n %d", owner, n).isEqualTo(allSorted(owner, n));
            }
        }
    }

    @Test
    void dealsOnTheSameDayAsTheNthAreOrderedById() {
        long owner = jdbc.sql("""
                select owner_id from sales_transaction where status = 'won'
                group by owner_id, close_date having count(*) >= 3 order by count(*) desc, owner_id limit 1""")
                .query(Long.class)
                .optional()
                .orElseGet(() -> jdbc.sql("select owner_id from sales_transaction where status = 'won' limit 1")
                        .query(Long.class)
                        .single());
        for (int n = 1; n <= 12; n++) {
            assertThat(shown(owner, n)).as("n %d", n).isEqualTo(allSorted(owner, n));
        }
    }
}
