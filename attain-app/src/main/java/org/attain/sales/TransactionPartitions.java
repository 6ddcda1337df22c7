package org.attain.sales;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The yearly partitions of {@code sales_transaction} (migration 2026.12.31.90): a year gets its partition before
 * rows of that year are written, in the writer's transaction. A year without one still takes rows (they land in
 * {@code sales_transaction_default}); creating its partition later moves them there.
 *
 * <p>Creating a partition attaches it: that locks the default partition until the caller's transaction ends, so
 * reads that cannot skip the default partition wait for the writer. It happens once per year of data; a year
 * that has its partition costs one catalog lookup.
 */
@Component
public class TransactionPartitions {

    private final JdbcClient jdbc;

    TransactionPartitions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every year from {@code first}'s to {@code last}'s gets its partition (for a loader that knows its range). */
    public void ensureYears(LocalDate first, LocalDate last) {
        List<LocalDate> years = new java.util.ArrayList<>();
        for (int y = first.getYear(); y <= last.getYear(); y++) {
            years.add(LocalDate.of(y, 1, 1));
        }
        ensureYearsOf(years);
    }

    /** The years of these days get their partitions. */
    public void ensureYearsOf(Collection<LocalDate> days) {
        TreeSet<LocalDate> years = new TreeSet<>();
        days.forEach(d -> years.add(d.withDayOfYear(1)));
        for (LocalDate year : years) {
            jdbc.sql("select sales_transaction_partition(:y)")
                    .param("y", year)
                    .query(String.class)
                    .single();
        }
    }

    /** The years of the rows in {@code table} (a stage with {@code close_date}, its good rows) get their partitions. */
    void ensureYearsOfStage(String stage) {
        jdbc.sql("""
                select sales_transaction_partition(y) from (
                    select distinct date_trunc('year', close_date)::date as y from {stage}
                    where problems is null and close_date is not null) years order by y""".replace("{stage}", stage)).query(String.class).list();
    }

    /**
     * Rows that landed in the default partition (written without {@link #ensureYears}) move to partitions of their
     * own years; returns how many years got one.
     */
    public int adoptDefaultRows() {
        return jdbc.sql("""
                select sales_transaction_partition(y) from (
                    select distinct date_trunc('year', close_date)::date as y from sales_transaction_default) years
                order by y""").query(String.class).list().size();
    }

    /** The partitions by name, oldest year first (the default partition last). */
    public List<String> partitions() {
        return jdbc.sql("""
                select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                where i.inhparent = 'sales_transaction'::regclass
                order by c.relname = 'sales_transaction_default', c.relname""").query(String.class).list();
    }
}
