package org.attain.engine.plan;

/** Whose transactions a credit rule credits to the payee. */
public enum CreditFrom {
    /** Transactions the payee owns or holds a split of. */
    SELF,
    /** Transactions of the payee's direct reports on the credit date (manager roll-up). */
    DIRECT_REPORTS,
    /** Transactions of anyone below the payee in the hierarchy on the credit date. */
    SUBTREE,
    /** Any transaction the rule's condition selects, e.g. by account territory (overlay credit). */
    TERRITORY;

    static CreditFrom parse(String text) {
        return switch (text) {
            case "self", "owner" -> SELF;
            case "direct_reports" -> DIRECT_REPORTS;
            case "subtree" -> SUBTREE;
            case "territory", "any" -> TERRITORY;
            default ->
                throw new IllegalArgumentException(
                        "unknown credit source '" + text + "' (self, direct_reports, subtree, territory)");
        };
    }
}
