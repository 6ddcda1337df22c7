package org.attain.ingest.transactions;

import java.util.List;
import java.util.Set;

/** The canonical fields of a transaction that a profile can map columns to. */
public final class TransactionFields {

    public static final String EXTERNAL_ID = "external_id";
    public static final String CLOSE_DATE = "close_date";
    public static final String AMOUNT = "amount";
    public static final String CURRENCY = "currency";
    public static final String OWNER = "owner";
    public static final String KIND = "kind";
    public static final String STATUS = "status";
    public static final String DEAL_TYPE = "deal_type";
    public static final String PRODUCT_CODE = "product_code";
    public static final String TERM_MONTHS = "term_months";
    public static final String ACCOUNT = "account";
    public static final String SPLITS = "splits";
    public static final String ATTRIBUTES = "attributes";
    /** A return's or reversal's original deal: its transaction id in the same source. */
    public static final String REFERS_TO = "refers_to";

    public static final List<String> ALL = List.of(
            EXTERNAL_ID,
            CLOSE_DATE,
            AMOUNT,
            CURRENCY,
            OWNER,
            KIND,
            STATUS,
            DEAL_TYPE,
            PRODUCT_CODE,
            TERM_MONTHS,
            ACCOUNT,
            SPLITS,
            ATTRIBUTES,
            REFERS_TO);

    public static final Set<String> KINDS =
            Set.of("DEAL", "ORDER", "RETURN", "REVERSAL", "CANCELLATION", "INVOICE_PAYMENT");

    /** The kinds that may name the deal they take back ({@link #REFERS_TO}). */
    public static final Set<String> LINKED_KINDS = Set.of("RETURN", "REVERSAL");

    private TransactionFields() {}
}
