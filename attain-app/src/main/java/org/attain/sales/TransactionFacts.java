package org.attain.sales;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What plan checks may know of the booked deals, in the fields a plan condition reads ({@code deal.type},
 * {@code account.region}, a custom attribute {@code deal.segment}): which custom attributes the deals
 * carry, and the distinct values of a few fields. Values come as a run sees them ({@link BookedTransactions}):
 * text, exact numbers, and JSON attributes as numbers or text.
 *
 * <p>Answers are kept until the sales data changes (its change number moves on any insert, update or
 * delete), so a plan editor checking as its author types reads the table once, not on every key. While
 * imports keep changing the data, an answer that was slow to read (millions of deals) is still used for
 * ten times as long as it took: a check may then miss the last seconds of an import, never slow the editor.
 */
@Service
public class TransactionFacts {

    /** The standard fields of a deal and of its account, with the SQL that reads each. */
    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry(
                    "deal.id",
                    "case when t.source = 'attain' then t.external_id else t.source || ':' || t.external_id end"),
            Map.entry("deal.amount", "coalesce(v.amount, t.amount)"),
            Map.entry("deal.currency", "t.currency"),
            Map.entry("deal.status", "coalesce(v.status, t.status)"),
            Map.entry("deal.type", "coalesce(t.deal_type, '')"),
            Map.entry("deal.product", "coalesce(t.product_code, '')"),
            Map.entry("deal.close_date", "t.close_date::text"),
            Map.entry("deal.owner", "t.owner_id::text"),
            Map.entry("deal.term_months", "coalesce(to_jsonb(t.term_months), t.attributes -> 'term_months')"),
            Map.entry("account.industry", "a.industry"),
            Map.entry("account.country", "a.country"),
            Map.entry("account.size_band", "a.size_band"),
            Map.entry("account.region", "r.code"));

    private static final String WHERE = "\nwhere t.kind not in ('CANCELLATION', 'INVOICE_PAYMENT')";

    private static final int CACHED = 32;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Map<String, Kept> cache = new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > CACHED;
        }
    };

    private record Kept(Object value, long changeNo, long readAt, long readNanos) {
        boolean usable(long now) {
            return changeNo == now || System.nanoTime() - readAt < 10 * readNanos;
        }
    }

    TransactionFacts(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The kind of values a custom attribute holds across the deals: text, whole numbers, numbers, or mixed. */
    public enum AttributeKind {
        TEXT,
        INTEGER,
        NUMBER,
        MIXED
    }

    /** The distinct values of some fields over the current deals, and how many deals there are. */
    public record Distinct(long deals, List<Map<String, Object>> rows) {}

    /** The standard fields this class can read, besides custom attributes ({@code deal.<attribute>}). */
    public static java.util.Set<String> standardFields() {
        return COLUMNS.keySet();
    }

    /** Every custom attribute the current deals carry (name to kind), sorted by name. */
    public Map<String, AttributeKind> attributes() {
        return cached("attributes", () -> {
            Map<String, AttributeKind> kinds = new TreeMap<>();
            jdbc.sql("""
                    select e.key,
                           bool_and(jsonb_typeof(e.value) in ('string', 'boolean')) as text,
                           bool_and(jsonb_typeof(e.value) = 'number') as number,
                           bool_and(case when jsonb_typeof(e.value) = 'number'
                                         then e.value::numeric = trunc(e.value::numeric) else false end) as whole
                    from sales_transaction t, jsonb_each(t.attributes) e
                    where t.kind not in ('CANCELLATION', 'INVOICE_PAYMENT') and jsonb_typeof(e.value) <> 'null'
                    group by e.key""")
                    .query((rs, n) -> kinds.put(
                            rs.getString(1),
                            rs.getBoolean(2)
                                    ? AttributeKind.TEXT
                                    : rs.getBoolean(4)
                                            ? AttributeKind.INTEGER
                                            : rs.getBoolean(3) ? AttributeKind.NUMBER : AttributeKind.MIXED))
                    .list();
            return Map.copyOf(kinds);
        });
    }

    /**
     * The distinct combinations of {@code fields} ("deal.type", "account.region", "deal.segment") over the
     * current deals; empty when there are more than {@code limit} (too many to be worth evaluating). A
     * deal without an attribute leaves it out of its row, as a run does.
     */
    public Optional<Distinct> distinct(List<String> fields, int limit) {
        for (String f : fields) {
            if (!COLUMNS.containsKey(f) && !f.startsWith("deal.")) {
                throw new IllegalArgumentException("not a deal or account field: " + f);
            }
        }
        return cached("distinct " + limit + " " + fields, () -> Optional.ofNullable(read(fields, limit)));
    }

    private Distinct read(List<String> fields, int limit) {
        List<String> select = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            String f = fields.get(i);
            String column = COLUMNS.get(f);
            if (column == null) {
                params.put("a" + i, f.substring("deal.".length()));
                column = "t.attributes -> :a" + i;
            }
            select.add(column);
        }
        params.put("limit", limit + 1);
        // Joined only when a field needs them: a distinct over one column of millions of rows stays one scan.
        String from = "from sales_transaction t";
        if (select.stream().anyMatch(c -> c.contains("v."))) {
            from += "\nleft join sales_transaction_version v on v.transaction_id = t.id and v.version = 1";
        }
        if (select.stream().anyMatch(c -> c.startsWith("a.") || c.startsWith("r."))) {
            from += "\nleft join account a on a.id = t.account_id\nleft join region r on r.id = a.region_id";
        }
        List<Map<String, Object>> rows = jdbc.sql(
                        "select distinct " + String.join(", ", select) + "\n" + from + WHERE + "\nlimit :limit")
                .params(params)
                .query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 0; i < fields.size(); i++) {
                        Object value = value(rs.getObject(i + 1));
                        if (value != null) {
                            row.put(fields.get(i), value);
                        }
                    }
                    return row;
                })
                .list();
        if (rows.size() > limit) {
            return null;
        }
        long deals = jdbc.sql("select count(*) from sales_transaction t" + WHERE)
                .query(Long.class)
                .single();
        return new Distinct(deals, List.copyOf(rows));
    }

    /** JSON attributes as a run reads them: numbers exact, anything else as its text. */
    private Object value(Object column) {
        if (column instanceof org.postgresql.util.PGobject pg && "jsonb".equals(pg.getType())) {
            if (pg.getValue() == null) {
                return null;
            }
            JsonNode node = json.readTree(pg.getValue());
            return node.isNull() ? null : node.isNumber() ? node.decimalValue() : node.asString();
        }
        if (column instanceof Integer i) {
            return i.longValue();
        }
        return column instanceof BigDecimal || column instanceof String || column instanceof Long
                ? column
                : column == null ? null : column.toString();
    }

    @SuppressWarnings("unchecked")
    private synchronized <T> T cached(String key, java.util.function.Supplier<T> read) {
        long now = jdbc.sql("select last_value from sales_data_change_seq")
                .query(Long.class)
                .single();
        Kept kept = cache.get(key);
        if (kept == null || !kept.usable(now)) {
            long started = System.nanoTime();
            Object value = read.get();
            kept = new Kept(value, now, System.nanoTime(), System.nanoTime() - started);
            cache.put(key, kept);
        }
        return (T) kept.value();
    }
}
