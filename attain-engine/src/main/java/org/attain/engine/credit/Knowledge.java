package org.attain.engine.credit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.attain.engine.model.Event;
import org.attain.engine.model.Transaction;
import org.attain.engine.model.TransactionId;

/**
 * What was known about transactions on a given date: corrections apply from the day they were recorded.
 * This is how a closed period is recomputed exactly as issued, and how a later correction becomes a
 * prior-period adjustment instead of rewriting history.
 */
public final class Knowledge {

    /** "Everything the input holds", for open periods. */
    public static final LocalDate EVERYTHING = LocalDate.MAX;

    private final Map<TransactionId, List<Event.TransactionCorrected>> corrections;

    private Knowledge(Map<TransactionId, List<Event.TransactionCorrected>> corrections) {
        this.corrections = corrections;
    }

    public static Knowledge of(List<Event> events) {
        Map<TransactionId, List<Event.TransactionCorrected>> byTxn = new HashMap<>();
        for (Event e : events) {
            if (e instanceof Event.TransactionCorrected c) {
                byTxn.computeIfAbsent(c.transaction(), k -> new ArrayList<>()).add(c);
            }
        }
        byTxn.replaceAll((k, v) -> v.stream()
                .sorted(Comparator.comparing(Event.TransactionCorrected::on))
                .toList());
        return new Knowledge(Map.copyOf(byTxn));
    }

    public boolean hasCorrections() {
        return !corrections.isEmpty();
    }

    /** The transaction as known on {@code asOf}, or null when it was not yet recorded then. */
    public Transaction asOf(Transaction t, LocalDate asOf) {
        if (!t.knownOn(asOf)) {
            return null;
        }
        if (corrections.isEmpty()) {
            return t;
        }
        List<Event.TransactionCorrected> list = corrections.get(t.id());
        if (list == null) {
            return t;
        }
        Transaction result = t;
        for (Event.TransactionCorrected c : list) {
            if (c.on().isAfter(asOf)) {
                break;
            }
            if (c.amount() != null) {
                result = result.withAmount(new org.attain.engine.money.Money(
                        c.amount(), result.amount().currency()));
            }
            if (c.status() != null) {
                result = result.withStatus(c.status());
            }
        }
        return result;
    }
}
