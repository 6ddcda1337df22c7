package org.attain.ingest;

import java.util.List;
import java.util.Set;

/** The canonical fields of a transaction that a profile can map columns to. */
final class TransactionFields {

    static final String EXTERNAL_ID = "external_id";
    static final String CLOSE_DATE = "close_date";
    static final String AMOUNT = "amount";
    static final String CURRENCY = "currency";
    static final String OWNER = "owner";
    static final String KIND = "kind";
    static final String STATUS = "status";
    static final String DEAL_TYPE = "deal_type";
    static final String PRODUCT_CODE = "product_code";
    static final String TERM_MONTHS = "term_months";
    static final String ACCOUNT = "account";
    static final String SPLITS = "splits";
    static final String ATTRIBUTES = "attributes";

    static final List<String> ALL = List.of(EXTERNAL_ID, CLOSE_DATE, AMOUNT, CURRENCY, OWNER, KIND, STATUS, DEAL_TYPE,
            PRODUCT_CODE, TERM_MONTHS, ACCOUNT, SPLITS, ATTRIBUTES);

    static final Set<String> KINDS = Set.of("DEAL", "ORDER", "RETURN", "CANCELLATION", "INVOICE_PAYMENT");

    private TransactionFields() {
    }
}
