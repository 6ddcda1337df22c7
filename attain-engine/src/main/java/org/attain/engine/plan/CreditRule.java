package org.attain.engine.plan;

import java.math.BigDecimal;
import java.util.Set;
import org.attain.engine.cel.DealCondition;

/**
 * Which transactions credit the payee and with what weight. Empty {@code types}/{@code products} mean
 * any; {@code when} (optional) is a CEL condition over deal, account and person; {@code weight}
 * multiplies the credited amount (e.g. 0.50 for renewals); {@code side} takes primary credit, overlay credit
 * or either (default).
 */
public record CreditRule(
        String id,
        CreditFrom from,
        Set<String> types,
        Set<String> products,
        DealCondition when,
        BigDecimal weight,
        CreditSide side)
        implements java.io.Serializable {

    public CreditRule {
        types = Set.copyOf(types);
        products = Set.copyOf(products);
        side = side == null ? CreditSide.ANY : side;
    }

    public CreditRule(
            String id,
            CreditFrom from,
            Set<String> types,
            Set<String> products,
            DealCondition when,
            BigDecimal weight) {
        this(id, from, types, products, when, weight, CreditSide.ANY);
    }

    public static CreditRule self() {
        return new CreditRule("self", CreditFrom.SELF, Set.of(), Set.of(), null, BigDecimal.ONE);
    }

    /** The cheap filters first; the CEL condition is the caller's to evaluate only when these pass. */
    public boolean acceptsTypeAndProduct(String type, String product) {
        return (types.isEmpty() || types.contains(type)) && (products.isEmpty() || products.contains(product));
    }
}
