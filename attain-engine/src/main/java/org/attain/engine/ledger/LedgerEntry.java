package org.attain.engine.ledger;

import org.attain.engine.model.TransactionId;
import org.attain.engine.money.Money;

/**
 * One movement in the payout ledger, e.g. ("holdback_withheld", -500.00, D1) or ("draw_advanced", 1500.00).
 * Signs are as seen from the payout: positive adds to what is paid.
 */
public record LedgerEntry(String kind, Money amount, TransactionId transaction, String note) {
}
