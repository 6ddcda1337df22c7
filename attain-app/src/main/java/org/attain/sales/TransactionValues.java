package org.attain.sales;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.Split;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a stored transaction's columns become the engine's values, shared by the in-memory store and
 * the database read so both hand a run the same objects.
 */
final class TransactionValues {

    /** The key of the account's id in a transaction's account attributes. */
    static final String ACCOUNT_ID = "id";

    private TransactionValues() {}

    /** The id a rep recognises: the source's own id, prefixed with the source unless it is Attain itself. */
    static String transactionId(String source, String externalId) {
        return "attain".equals(source) ? externalId : source + ":" + externalId;
    }

    /**
     * What territory rules read of a transaction's account (absent values left out), and under {@code id} the
     * account's id (a {@code Long}), by which territory crediting looks up the territory that claims the deal.
     */
    static Map<String, Object> accountAttributes(
            long id, String industry, String country, String sizeBand, String region) {
        Map<String, Object> m = new HashMap<>();
        m.put(ACCOUNT_ID, id);
        putIfPresent(m, "industry", industry);
        putIfPresent(m, "country", country);
        putIfPresent(m, "size_band", sizeBand);
        putIfPresent(m, "region", region);
        return Map.copyOf(m);
    }

    /** A transaction's split column (JSON) as the engine's splits. */
    static List<Split> splits(JsonMapper json, String text) {
        if (text == null || "[]".equals(text)) {
            return List.of();
        }
        List<Split> splits = new ArrayList<>();
        for (JsonNode s : json.readTree(text)) {
            splits.add(new Split(
                    pid(s.get("person_id").asLong()),
                    new BigDecimal(s.get("share").asString()),
                    s.has("overlay") && s.get("overlay").asBoolean()));
        }
        return splits;
    }

    /** A transaction's custom attributes (JSON): numbers exact, the rest as text. Mutable, for the caller to add to. */
    static Map<String, Object> attributes(JsonMapper json, String text) {
        Map<String, Object> m = new HashMap<>();
        if (text == null || "{}".equals(text)) {
            return m;
        }
        json.readTree(text)
                .properties()
                .forEach(e -> m.put(
                        e.getKey(),
                        e.getValue().isNumber()
                                ? (Object) e.getValue().decimalValue()
                                : e.getValue().asString()));
        return m;
    }

    /** Person ids are the database ids as text. */
    static PersonId pid(long id) {
        return PersonId.of(Long.toString(id));
    }

    private static void putIfPresent(Map<String, Object> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
