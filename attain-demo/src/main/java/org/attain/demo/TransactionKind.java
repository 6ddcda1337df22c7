package org.attain.demo;

/** The values of {@code sales_transaction.kind} this generator produces. */
public enum TransactionKind {
    DEAL,
    RETURN,
    CANCELLATION
}
