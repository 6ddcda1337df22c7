package org.attain.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.attain.support.AttainIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 10,000 accounts and 100 territories (5 countries x 20 industries, one rule each, plus a catch-all of lower
 * precedence): every account lands in the territory of its country and industry, in one statement. Runs in a
 * transaction that is rolled back, so the demo company stays as it was. Prints the time (never asserted).
 */
class TerritoryAssignmentScaleTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    TerritoryAssignments assignments;

    @Test
    void tenThousandAccountsLandInTheirTerritoryOfAHundred() {
        LocalDate day = LocalDate.of(2026, 6, 1);
        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
            jdbc.sql("""
                    insert into account(source, external_id, name, industry, country, size_band, employees)
                    select 'scale', 'S' || g, 'Scale ' || g, 'Ind' || (g % 20), 'Q' || chr(65 + (g / 20) % 5), 'MID', g % 500
                    from generate_series(0, 9999) g""").update();
            long h = jdbc.sql("insert into territory_hierarchy(code, name) values ('SCALE', 'Scale') returning id")
                    .query(Long.class)
                    .single();
            long parent = territory(h, "S-A", "AREA", null);
            parent = territory(h, "S-R", "REGION", parent);
            parent = territory(h, "S-D", "DISTRICT", parent);
            Map<Long, String> expected = new HashMap<>();
            for (int c = 0; c < 5; c++) {
                for (int i = 0; i < 20; i++) {
                    String code = "S-Q" + (char) ('A' + c) + "-" + i;
                    long t = territory(h, code, "TERRITORY", parent);
                    jdbc.sql("""
                            insert into territory_rule(territory_id, precedence, countries, industries, valid_from)
                            values (:t, 10, array[:c], array[:i], '2026-01-01')""")
                            .param("t", t)
                            .param("c", "Q" + (char) ('A' + c))
                            .param("i", "Ind" + i)
                            .update();
                    expected.put(t, code);
                }
            }
            // Everything else of the demo company falls to a catch-all of lower precedence.
            long rest = territory(h, "S-REST", "TERRITORY", parent);
            jdbc.sql("""
                    insert into territory_rule(territory_id, precedence, size_bands, valid_from)
                    values (:t, 99, array['SMB','MID','ENTERPRISE'], '2026-01-01')""").param("t", rest).update();

            assignments.on(day, h); // warm up the plan cache
            long start = System.nanoTime();
            TerritoryAssignments.Assignments a = assignments.on(day, h);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("territory assignment: " + a.assigned().size() + " accounts over 101 territories in "
                    + millis + " ms");

            Map<Long, String> country = new HashMap<>();
            Map<Long, String> industry = new HashMap<>();
            jdbc.sql("select id, country, industry from account where source = 'scale'")
                    .query(rs -> {
                        country.put(rs.getLong(1), rs.getString(2));
                        industry.put(rs.getLong(1), rs.getString(3));
                    });
            List<TerritoryAssignments.Assignment> scale = a.assigned().stream()
                    .filter(x -> country.containsKey(x.accountId()))
                    .toList();
            assertThat(scale).hasSize(10_000);
            for (TerritoryAssignments.Assignment x : scale) {
                String code = expected.get(x.territoryId());
                assertThat(code)
                        .isEqualTo("S-" + country.get(x.accountId()) + "-"
                                + industry.get(x.accountId()).substring(3));
            }
            assertThat(a.assigned().stream()
                            .filter(x -> x.territoryId() == rest)
                            .count())
                    .as("the demo's own accounts")
                    .isPositive();
            tx.setRollbackOnly();
        });
        assertThat(jdbc.sql("select count(*) from sales_account_v where source = 'scale'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private long territory(long h, String code, String level, Long parent) {
        return jdbc.sql("""
                insert into territory(hierarchy_id, code, name, level, parent_id, valid_from) values (:h, :c, :c, :l, :p, '2026-01-01')
                returning id""")
                .param("h", h)
                .param("c", code)
                .param("l", level)
                .param("p", parent)
                .query(Long.class)
                .single();
    }
}
