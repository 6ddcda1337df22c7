package org.attain.engine.credit;

import java.util.Map;
import org.attain.engine.model.Transaction;

/**
 * The {@code deal} a CEL condition sees; kept here for callers written before it moved to
 * {@link org.attain.engine.cel.DealFacts} (where territory rules reach it without depending on crediting).
 */
public final class DealFacts {

    private DealFacts() {}

    public static Map<String, Object> of(Transaction t) {
        return org.attain.engine.cel.DealFacts.of(t);
    }
}
