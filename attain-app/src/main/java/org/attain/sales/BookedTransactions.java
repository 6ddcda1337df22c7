package org.attain.sales;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    private final JsonMapper json;

    BookedTransactions(JsonMapper json) {
        this.json = json;
    }

    /**
     * The transactions in the window that these people own or share through a split; {@code people}
     * null means every transaction (a territory rule can credit anyone with anything). The caller's
     * client decides the database snapshot the rows come from.
     */
    public List<Transaction> read(JdbcClient client, DateRange window, Set<Long> people) {
        // Accounts are joined, not loaded whole: a run for one rep needs the few accounts of that rep's deals.
        Map<Long, Map<String, Object>> accounts = new HashMap<>();
        List<Transaction> out = new ArrayList<>();
        // Values repeat across millions of rows; one shared instance each keeps a chunk's memory small.
        Map<Object, Object> shared = new HashMap<>();
        // CurrencyUnit.of validates the code with a regular expression: once per currency, not per row.
        Map<String, CurrencyUnit> currencies = new HashMap<>();
        String whose = people == null ? "" : "\n" + """
                and (t.owner_id = any(:ids) or (t.splits is not null and split_person_ids(t.splits) && cast(:ids as bigint[])))""";
        var spec = client.sql("""
                select t.source, t.external_id, t.owner_id, t.splits::text, t.close_date, coalesce(v.amount, t.amount),
                       t.currency, coalesce(v.status, t.status), t.deal_type, t.product_code, t.account_id,
                       t.attributes::text, t.term_months, a.industry, a.country, a.size_band, r.code
                from sales_transaction t
                left join sales_transaction_version v on v.transaction_id = t.id and v.version = 1
                left join account a on a.id = t.account_id
                left join region r on r.id = a.region_id
                where t.close_date between :from and :to and t.kind not in ('CANCELLATION', 'INVOICE_PAYMENT')"""
                + whose)
                .param("from", window.first()).param("to", window.last());
        if (people != null) {
            spec = spec.param("ids", people.toArray(Long[]::new));
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
                account = TransactionValues.accountAttributes(rs.getString(14), rs.getString(15), rs.getString(16),
                        rs.getString(17));
                accounts.put(accountId, account);
            }
            out.add(new Transaction(TransactionId.of(id), owner == null ? null : TransactionValues.pid(owner),
                    TransactionValues.splits(json, rs.getString(4)), share(shared, rs.getObject(5, LocalDate.class)),
                    Money.of(rs.getBigDecimal(6), currencies.computeIfAbsent(rs.getString(7), CurrencyUnit::of)),
                    share(shared, rs.getString(8)), share(shared, rs.getString(9)), share(shared, rs.getString(10)),
                    account, attributes, null));
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T> T share(Map<Object, Object> shared, T value) {
        return value == null ? null : (T) shared.computeIfAbsent(value, v -> v);
    }
}
