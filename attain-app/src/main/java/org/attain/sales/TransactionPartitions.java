package org.attain.sales;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The monthly partitions of {@code sales_transaction} (migration 2026.12.31.90): a month gets its partition before
 * rows of that month are written, in the writer's transaction. A month without one still takes rows (they land in
 * {@code sales_transaction_default}); creating its partition later moves them there.
 *
 * <p>Creating a partition attaches it: that locks the default partition until the caller's transaction ends, so
 * reads that cannot skip the default partition wait for the writer. It happens once per month of data; a month
 * that has its partition costs one catalog lookup.
 */
@Component
public class TransactionPartitions {

    private final JdbcClient jdbc;

    TransactionPartitions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every month from {@code first}'s to {@code last}'s gets its partition (for a loader that knows its range). */
    public void ensureMonths(LocalDate first, LocalDate last) {
        List<LocalDate> months = new java.util.ArrayList<>();
        for (YearMonth m = YearMonth.from(first); !m.isAfter(YearMonth.from(last)); m = m.plusMonths(1)) {
            months.add(m.atDay(1));
        }
        ensureMonthsOf(months);
    }

    /** The months of these days get their partitions. */
    public void ensureMonthsOf(Collection<LocalDate> days) {
        TreeSet<LocalDate> months = new TreeSet<>();
        days.forEach(d -> months.add(d.withDayOfMonth(1)));
        for (LocalDate month : months) {
            jdbc.sql("select sales_transaction_partition(:m)")
                    .param("m", month)
                    .query(String.class)
                    .single();
        }
    }

    /** The months of the rows in {@code table} (a stage with {@code close_date}, its good rows) get their partitions. */
    void ensureMonthsOfStage(String stage) {
        jdbc.sql("""
                select sales_transaction_partition(m) from (
                    select distinct date_trunc('month', close_date)::date as m from {stage}
                    where problems is null and close_date is not null) months order by m""".replace("{stage}", stage)).query(String.class).list();
    }

    /**
     * Rows that landed in the default partition (written without {@link #ensureMonths}) move to partitions of their
     * own months; returns how many months got one.
     */
    public int adoptDefaultRows() {
        return jdbc.sql("""
                select sales_transaction_partition(m) from (
                    select distinct date_trunc('month', close_date)::date as m from sales_transaction_default) months
                order by m""").query(String.class).list().size();
    }

    /** The partitions by name, oldest month first (the default partition last). */
    public List<String> partitions() {
        return jdbc.sql("""
                select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                where i.inhparent = 'sales_transaction'::regclass
                order by c.relname = 'sales_transaction_default', c.relname""").query(String.class).list();
    }
}
