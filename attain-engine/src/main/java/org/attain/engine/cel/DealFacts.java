package org.attain.engine.cel;

import java.util.HashMap;
import java.util.Map;
import org.attain.engine.model.Transaction;

/** The {@code deal} a CEL condition sees: standard fields plus custom attributes at the top level. */
public final class DealFacts {

    private DealFacts() {}

    /**
     * Amounts appear as doubles: fine for conditions (deal.amount > 50000), never used for pay. Exact
     * custom attributes (an import's JSON numbers) become long or double, which CEL can compare.
     */
    public static Map<String, Object> of(Transaction t) {
        // Sized for the attributes and the eight standard fields, so it never grows.
        Map<String, Object> deal = new HashMap<>((t.attributes().size() + 8) * 4 / 3 + 1);
        for (Map.Entry<String, Object> a : t.attributes().entrySet()) {
            deal.put(a.getKey(), CelNumbers.plain(a.getValue()));
        }
        deal.put("id", t.id().value());
        deal.put("amount", t.amount().amount().doubleValue());
        deal.put("currency", t.amount().currency().code());
        deal.put("status", t.status());
        deal.put("type", t.type());
        deal.put("product", t.product());
        deal.put("close_date", t.closeDate().toString());
        if (t.owner() != null) {
            deal.put("owner", t.owner().value());
        }
        return deal;
    }
}
