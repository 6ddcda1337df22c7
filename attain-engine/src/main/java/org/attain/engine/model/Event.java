package org.attain.engine.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.attain.engine.time.PeriodId;

/** Something that happened on a date and changes pay: recorded facts, never computed ones. */
public sealed interface Event {

    LocalDate on();

    /** The deal was cancelled; within a plan's clawback window its earnings are taken back. */
    record TransactionCancelled(TransactionId transaction, LocalDate on) implements Event, java.io.Serializable {
        public TransactionCancelled {
            Objects.requireNonNull(transaction, "transaction");
            Objects.requireNonNull(on, "on");
        }
    }

    /** A named business event on a deal (e.g. invoice_paid) that can release a holdback. */
    record TransactionMilestone(TransactionId transaction, String kind, LocalDate on)
            implements Event, java.io.Serializable {
        public TransactionMilestone {
            Objects.requireNonNull(transaction, "transaction");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(on, "on");
        }
    }

    /** The source corrected a deal on {@code on}; before that date the old values were the truth. */
    record TransactionCorrected(TransactionId transaction, LocalDate on, BigDecimal amount, String status)
            implements Event, java.io.Serializable {
        public TransactionCorrected {
            Objects.requireNonNull(transaction, "transaction");
            Objects.requireNonNull(on, "on");
            if (amount == null && status == null) {
                throw new IllegalArgumentException("a correction must change the amount or the status");
            }
        }
    }

    /**
     * Transaction {@code transaction} (recorded on {@code on}) is a return or reversal of {@code refersTo}: for
     * callers whose transactions do not carry the link themselves ({@link Transaction#returnOf()}).
     */
    record TransactionReturned(TransactionId transaction, TransactionId refersTo, String kind, LocalDate on)
            implements Event, java.io.Serializable {
        public TransactionReturned {
            Objects.requireNonNull(transaction, "transaction");
            Objects.requireNonNull(refersTo, "refersTo");
            Objects.requireNonNull(on, "on");
        }
    }

    /** The period was closed on {@code on}: its statement is frozen as it was known that day. */
    record PeriodClosed(PeriodId period, LocalDate on) implements Event, java.io.Serializable {
        public PeriodClosed {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(on, "on");
        }
    }
}
