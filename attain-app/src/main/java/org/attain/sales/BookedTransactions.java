package org.attain.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attain.engine.model.Event;
import org.attain.engine.model.Transaction;
import org.attain.engine.model.TransactionId;
import org.attain.engine.money.CurrencyUnit;
import org.attain.engine.money.Money;
import org.attain.engine.time.DateRange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The booked transactions read straight from PostgreSQL by index: what a run over a few payees (a
 * single deal) reads, and what a run over many reads when the {@link TransactionStore} is held back by
 * a long import. Transaction ids are the source's external ids, which is what a rep recognises on a
 * statement.
 */
@Component
public class BookedTransactions {

    /**
     * The columns a run reads of a booked transaction, in the order {@link #read} maps them (and Spark executors
     * reading their own transactions map them: {@code org.attain.spark.TransactionRows}).
     */
    private static final String SELECT = """
            select t.source, t.external_id, t.owner_id, t.splits::text, t.close_date, coalesce(v.amount, t.amount),
                   t.currency, coalesce(v.status, t.status), t.deal_type, t.product_code, t.account_id,
                   t.attributes::text, t.term_months, a.industry, a.country, a.size_band, r.code
            from sales_transaction t
            left join sales_transaction_version v on v.transaction_id = t.id and v.version = 1
            left join account a on a.id = t.account_id
            left join region r on r.id = a.region_id
            """;

    private static final String BOOKED_IN_WINDOW = """
            where t.close_date between ? and ? and t.kind not in ('CANCELLATION', 'INVOICE_PAYMENT')
            """;

    /**
     * {@link #read(JdbcClient, DateRange, Set, Set)} as plain JDBC with positional parameters, for readers outside
     * this application (Spark executors reading their groups' transactions). Each takes the window's first and last
     * day; {@code byPeople} then the people (a {@code bigint[]}, twice); {@code byPeopleOrAccounts} the people twice and
     * the accounts ({@code bigint[]}); {@code everything} nothing more. Same rows, same columns as {@link #read}.
     */
    public record Query(String byPeople, String byPeopleOrAccounts, String everything) {}

    /** The queries of {@link #read} for readers outside this application (see {@link Query}). */
    public static Query query() {
        String people = SELECT + BOOKED_IN_WINDOW + """
                and (t.owner_id = any(?) or (t.splits is not null and split_person_ids(t.splits) && cast(? as bigint[]))""";
        return new Query(people + ")", people + " or t.account_id = any(?))", SELECT + BOOKED_IN_WINDOW);
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    BookedTransactions(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A stored version of a transaction whose amount or status the next one changed: what it became, and when. */
    public record Correction(TransactionId id, Instant at, BigDecimal amount, String status) {}

    /**
     * Cancellations (clawbacks) and invoice payments (holdback releases) closed on or after {@code from}
     * that name the transaction they reverse, as the engine's events.
     */
    public List<Event> reversals(LocalDate from) {
        return jdbc.sql("""
                select source, attributes->>'reverses_id', close_date, kind from sales_transaction
                where kind in ('CANCELLATION', 'INVOICE_PAYMENT') and attributes->>'reverses_id' is not null and close_date >= :from""")
                .param("from", from)
                .query((rs, n) -> {
                    TransactionId target =
                            TransactionId.of(TransactionValues.transactionId(rs.getString(1), rs.getString(2)));
                    LocalDate on = rs.getObject(3, LocalDate.class);
                    return "CANCELLATION".equals(rs.getString(4))
                            ? new Event.TransactionCancelled(target, on)
                            : (Event) new Event.TransactionMilestone(target, "invoice_paid", on);
                })
                .list();
    }

    /**
     * Returns and reversals closed in {@code window} that name the deal they take back ({@code refers_to}), as the
     * engine's links: each claws back what its deal earned instead of counting as a negative deal.
     */
    public List<Event> returnLinks(DateRange window) {
        return jdbc.sql("""
                select source, external_id, refers_to, lower(kind), close_date from sales_transaction
                where refers_to is not null and close_date between :from and :to""")
                .param("from", window.first())
                .param("to", window.last())
                .query((rs, n) -> (Event) new Event.TransactionReturned(
                        TransactionId.of(TransactionValues.transactionId(rs.getString(1), rs.getString(2))),
                        TransactionId.of(TransactionValues.transactionId(rs.getString(1), rs.getString(3))),
                        rs.getString(4),
                        rs.getObject(5, LocalDate.class)))
                .list();
    }

    /**
     * The earliest close date of a deal that a return closed in {@code window} takes back, if any: a run reads
     * from that deal's year on, so the deal's own period can be computed as it was earned.
     */
    public java.util.Optional<LocalDate> earliestReturnedDeal(DateRange window) {
        return jdbc.sql("""
                select min(o.close_date) from sales_transaction r
                join sales_transaction o on o.source = r.source and o.external_id = r.refers_to
                where r.refers_to is not null and r.close_date between :from and :to""")
                .param("from", window.first())
                .param("to", window.last())
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1, LocalDate.class)))
                .single();
    }

    /**
     * Every correction of amount or status of a transaction closed on or after {@code from}: each stored
     * version with the one that replaced it (the current row for the latest); {@code amount} or
     * {@code status} null when that one did not change.
     */
    public List<Correction> corrections(LocalDate from) {
        List<Correction> out = new ArrayList<>();
        jdbc.sql("""
                select t.source, t.external_id, v.valid_until, coalesce(nv.amount, t.amount), coalesce(nv.status, t.status),
                       v.amount, v.status
                from sales_transaction_version v
                join sales_transaction t on t.id = v.transaction_id
                left join sales_transaction_version nv on nv.transaction_id = v.transaction_id and nv.version = v.version + 1
                where t.close_date >= :from""").param("from", from).query(rs -> {
            boolean amountChanged = rs.getBigDecimal(4).compareTo(rs.getBigDecimal(6)) != 0;
            boolean statusChanged = !rs.getString(5).equals(rs.getString(7));
            if (amountChanged || statusChanged) {
                out.add(new Correction(
                        TransactionId.of(TransactionValues.transactionId(rs.getString(1), rs.getString(2))),
                        rs.getTimestamp(3).toInstant(),
                        amountChanged ? rs.getBigDecimal(4) : null,
                        statusChanged ? rs.getString(5) : null));
            }
        });
        return out;
    }

    /**
     * How many booked transactions (cancellations and invoice payments aside) close in each month outside
     * {@code [first, last]}, keyed by the month's first day; only those {@code people} own unless empty.
     * Grouped by month in SQL, so it reads the close-date index, not the rows.
     */
    public Map<LocalDate, Long> countByMonthOutside(LocalDate first, LocalDate last, Set<Long> people) {
        String whose = people.isEmpty() ? "" : " and owner_id = any(:ids)";
        var spec = jdbc.sql("""
                select date_trunc('month', close_date)::date, count(*) from sales_transaction
                where (close_date < :first or close_date > :last) and kind not in ('CANCELLATION', 'INVOICE_PAYMENT')
                """ + whose + " group by 1").param("first", first).param("last", last);
        if (!people.isEmpty()) {
            spec = spec.param("ids", people.toArray(Long[]::new));
        }
        Map<LocalDate, Long> out = new java.util.LinkedHashMap<>();
        spec.query((rs, n) -> out.put(rs.getObject(1, LocalDate.class), rs.getLong(2)))
                .list();
        return out;
    }

    /**
     * The transactions in the window that these people own or share through a split; {@code people}
     * null means every transaction (a territory rule can credit anyone with anything). The caller's
     * client decides the database snapshot the rows come from.
     */
    public List<Transaction> read(JdbcClient client, DateRange window, Set<Long> people) {
        return read(client, window, people, Set.of());
    }

    /**
     * A run's read of the transactions closed in its window ({@code :from}, {@code :to}), before the filter by payee:
     * on the partitioned table it reads only the window's months (TransactionPartitionsTest explains it).
     */
    static final String IN_WINDOW = SELECT + """
            where t.close_date between :from and :to and t.kind not in ('CANCELLATION', 'INVOICE_PAYMENT')
            """;

    /**
     * As {@link #read(JdbcClient, DateRange, Set)}, and also the transactions on these {@code accounts}
     * whoever owns them (territory crediting: a territory's owner is credited on its accounts' deals).
     */
    public List<Transaction> read(JdbcClient client, DateRange window, Set<Long> people, Set<Long> accountIds) {
        // Accounts are joined, not loaded whole: a run for one rep needs the few accounts of that rep's deals.
        Map<Long, Map<String, Object>> accounts = new HashMap<>();
        List<Transaction> out = new ArrayList<>();
        // Values repeat across millions of rows; one shared instance each keeps a chunk's memory small.
        Map<Object, Object> shared = new HashMap<>();
        // CurrencyUnit.of validates the code with a regular expression: once per currency, not per row.
        Map<String, CurrencyUnit> currencies = new HashMap<>();
        boolean byAccount = people != null && !accountIds.isEmpty();
        String orAccount = byAccount ? " or t.account_id = any(:accounts)" : "";
        String whose = people == null ? "" : "\n" + """
                and (t.owner_id = any(:ids) or (t.splits is not null and split_person_ids(t.splits) && cast(:ids as bigint[]))""" + orAccount + ")";
        var spec = client.sql(IN_WINDOW + whose).param("from", window.first()).param("to", window.last());
        if (people != null) {
            spec = spec.param("ids", people.toArray(Long[]::new));
        }
        if (byAccount) {
            spec = spec.param("accounts", accountIds.toArray(Long[]::new));
        }
        spec.query(rs -> {
            String id = TransactionValues.transactionId(rs.getString(1), rs.getString(2));
            Long owner = rs.getObject(3, Long.class);
            Map<String, Object> attributes = TransactionValues.attributes(json, rs.getString(12));
            int term = rs.getInt(13);
            if (!rs.wasNull()) {
                attributes.put("term_months", (long) term);
            }
            long accountId = rs.getLong(11);
            Map<String, Object> account = rs.wasNull() ? Map.of() : accounts.get(accountId);
            if (account == null) {
                account = TransactionValues.accountAttributes(
                        accountId, rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17));
                accounts.put(accountId, account);
            }
            out.add(new Transaction(
                    TransactionId.of(id),
                    owner == null ? null : TransactionValues.pid(owner),
                    TransactionValues.splits(json, rs.getString(4)),
                    share(shared, rs.getObject(5, LocalDate.class)),
                    Money.of(rs.getBigDecimal(6), currencies.computeIfAbsent(rs.getString(7), CurrencyUnit::of)),
                    share(shared, rs.getString(8)),
                    share(shared, rs.getString(9)),
                    share(shared, rs.getString(10)),
                    account,
                    attributes,
                    null));
        });
        return out;
    }

    /**
     * The owners of transactions in any of {@code currencies} closed on or after {@code from}: whose pay a
     * changed exchange rate may move. Static, with the caller's client, for the record kinds' pay impact.
     */
    public static Set<Long> ownersBookingIn(JdbcClient jdbc, Set<String> currencies, LocalDate from) {
        Set<Long> ids = new java.util.TreeSet<>();
        jdbc.sql("""
                select array_agg(distinct owner_id) from sales_transaction
                where currency = any(cast(:c as text[])) and close_date >= :from and owner_id is not null""")
                .param("c", currencies.toArray(String[]::new))
                .param("from", from)
                .query((rs, n) -> {
                    java.sql.Array people = rs.getArray(1);
                    if (people != null) {
                        for (Object id : (Object[]) people.getArray()) {
                            ids.add(((Number) id).longValue());
                        }
                    }
                    return 0;
                })
                .list();
        return ids;
    }

    @SuppressWarnings("unchecked")
    private static <T> T share(Map<Object, Object> shared, T value) {
        return value == null ? null : (T) shared.computeIfAbsent(value, v -> v);
    }
}
