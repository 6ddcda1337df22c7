package org.attain.spark;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.Split;
import org.attain.engine.model.Transaction;
import org.attain.engine.model.TransactionId;
import org.attain.engine.money.CurrencyUnit;
import org.attain.engine.money.Money;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A row of the application's transaction read ({@code BookedTransactions} in the app, whose query an executor runs)
 * as the engine's {@link Transaction}, field for field as the application maps it: the id a rep recognises (the
 * source's id, prefixed with the source unless it is Attain itself), person ids as text, splits and custom attributes
 * from their JSON (numbers exact, the rest as text; {@code term_months} as a long), the account's attributes with its
 * id, the amount with the scale the database gives it. An application test holds the two equal row by row. Columns:
 * source, external id, owner, splits, close date, amount, currency, status, deal type, product, account id,
 * attributes, term months, account industry, country, size band, region code.
 */
final class TransactionRows {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    // An account's attributes once per read (many deals share an account), a currency validated once.
    private final Map<Long, Map<String, Object>> accounts = new HashMap<>();
    private final Map<String, CurrencyUnit> currencies = new HashMap<>();
    // Values repeat across many rows: one instance each keeps a task's memory small.
    private final Map<Object, Object> shared = new HashMap<>();

    Transaction map(ResultSet rs) throws SQLException {
        String source = rs.getString(1);
        String externalId = rs.getString(2);
        String id = "attain".equals(source) ? externalId : source + ":" + externalId;
        Long owner = rs.getObject(3, Long.class);
        Map<String, Object> attributes = attributes(rs.getString(12));
        int term = rs.getInt(13);
        if (!rs.wasNull()) {
            attributes.put("term_months", (long) term);
        }
        long accountId = rs.getLong(11);
        Map<String, Object> account = rs.wasNull() ? Map.of() : accounts.get(accountId);
        if (account == null) {
            account = account(accountId, rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17));
            accounts.put(accountId, account);
        }
        return new Transaction(
                TransactionId.of(id),
                owner == null ? null : pid(owner),
                splits(rs.getString(4)),
                share(rs.getObject(5, LocalDate.class)),
                Money.of(rs.getBigDecimal(6), currencies.computeIfAbsent(rs.getString(7), CurrencyUnit::of)),
                share(rs.getString(8)),
                share(rs.getString(9)),
                share(rs.getString(10)),
                account,
                attributes,
                null);
    }

    private static Map<String, Object> account(
            long id, String industry, String country, String sizeBand, String region) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", id);
        putIfPresent(m, "industry", industry);
        putIfPresent(m, "country", country);
        putIfPresent(m, "size_band", sizeBand);
        putIfPresent(m, "region", region);
        return Map.copyOf(m);
    }

    static List<Split> splits(String text) {
        if (text == null || "[]".equals(text)) {
            return List.of();
        }
        List<Split> splits = new ArrayList<>();
        for (JsonNode s : JSON.readTree(text)) {
            splits.add(new Split(
                    pid(s.get("person_id").asLong()),
                    new BigDecimal(s.get("share").asString()),
                    s.has("overlay") && s.get("overlay").asBoolean()));
        }
        return splits;
    }

    static Map<String, Object> attributes(String text) {
        Map<String, Object> m = new HashMap<>();
        if (text == null || "{}".equals(text)) {
            return m;
        }
        JSON.readTree(text)
                .properties()
                .forEach(e -> m.put(
                        e.getKey(),
                        e.getValue().isNumber()
                                ? (Object) e.getValue().decimalValue()
                                : e.getValue().asString()));
        return m;
    }

    private static PersonId pid(long id) {
        return PersonId.of(Long.toString(id));
    }

    private static void putIfPresent(Map<String, Object> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T share(T value) {
        return value == null ? null : (T) shared.computeIfAbsent(value, v -> v);
    }
}
