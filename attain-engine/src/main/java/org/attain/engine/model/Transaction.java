package org.attain.engine.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.attain.engine.money.Money;

/**
 * A source transaction as loaded (deal, booking, return). Credit goes to {@code owner} or, when
 * {@code splits} is not empty, to the split persons. Returns are transactions with negative amounts;
 * they keep their sign all the way through. {@code attributes} holds custom fields from imports
 * (e.g. term_months); {@code account} holds the account's attributes used by territory rules.
 * {@code recordedOn} is when the engine may first know of it (null: always known), which lets a closed
 * period be recomputed exactly as it was issued. {@code returnOf} (null for an ordinary deal) links a return or
 * reversal to the deal it takes back.
 */
public record Transaction(
        TransactionId id,
        PersonId owner,
        List<Split> splits,
        LocalDate closeDate,
        Money amount,
        String status,
        String type,
        String product,
        Map<String, Object> account,
        Map<String, Object> attributes,
        LocalDate recordedOn,
        ReturnOf returnOf)
        implements java.io.Serializable {

    /** An ordinary deal (not a linked return); the shape before returns could name their deal. */
    public Transaction(
            TransactionId id,
            PersonId owner,
            List<Split> splits,
            LocalDate closeDate,
            Money amount,
            String status,
            String type,
            String product,
            Map<String, Object> account,
            Map<String, Object> attributes,
            LocalDate recordedOn) {
        this(id, owner, splits, closeDate, amount, status, type, product, account, attributes, recordedOn, null);
    }

    public Transaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(closeDate, "closeDate");
        Objects.requireNonNull(amount, "amount");
        splits = List.copyOf(splits == null ? List.of() : splits);
        status = status == null ? "won" : status;
        type = type == null ? "" : type;
        product = product == null ? "" : product;
        account = Map.copyOf(account == null ? Map.of() : account);
        attributes = Map.copyOf(attributes == null ? Map.of() : attributes);
    }

    /** A won deal owned by one person, the most common shape; handy for tests and what-if. */
    public static Transaction won(String id, String owner, LocalDate close, Money amount) {
        return new Transaction(
                TransactionId.of(id),
                PersonId.of(owner),
                List.of(),
                close,
                amount,
                "won",
                null,
                null,
                null,
                null,
                null);
    }

    public Transaction withAmount(Money newAmount) {
        return new Transaction(
                id,
                owner,
                splits,
                closeDate,
                newAmount,
                status,
                type,
                product,
                account,
                attributes,
                recordedOn,
                returnOf);
    }

    public Transaction withStatus(String newStatus) {
        return new Transaction(
                id,
                owner,
                splits,
                closeDate,
                amount,
                newStatus,
                type,
                product,
                account,
                attributes,
                recordedOn,
                returnOf);
    }

    /** This transaction linked as a return or reversal of {@code original}. */
    public Transaction withReturnOf(ReturnOf link) {
        return new Transaction(
                id, owner, splits, closeDate, amount, status, type, product, account, attributes, recordedOn, link);
    }

    public boolean knownOn(LocalDate date) {
        return recordedOn == null || !recordedOn.isAfter(date);
    }
}
