package org.attain.engine.model;

import java.util.Objects;

/** Identifies a transaction (deal, order, invoice line) by the id its source system gave it. */
public record TransactionId(String value) implements Comparable<TransactionId>, java.io.Serializable {

    public TransactionId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("transaction id must not be blank");
        }
    }

    public static TransactionId of(String value) {
        return new TransactionId(value);
    }

    @Override
    public int compareTo(TransactionId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
