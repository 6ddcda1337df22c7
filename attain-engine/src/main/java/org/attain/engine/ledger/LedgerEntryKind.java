package org.attain.engine.ledger;

/**
 * What a ledger movement is. The code is what results store and what the statement's message keys
 * ({@code ledger.<code>}) are named after, so it never changes once released.
 */
public enum LedgerEntryKind {
    EARNINGS("earnings"),
    HOLDBACK_WITHHELD("holdback_withheld"),
    HOLDBACK_RELEASED("holdback_released"),
    BALANCE_CARRIED_IN("balance_carried_in"),
    DRAW_RECOVERED("draw_recovered"),
    DRAW_ADVANCED("draw_advanced"),
    DRAW_PAID("draw_paid"),
    GUARANTEE_PAID("guarantee_paid"),
    BALANCE_CARRIED_FORWARD("balance_carried_forward"),
    BALANCE_WRITTEN_OFF("balance_written_off"),
    PAYOUT("payout");

    private final String code;

    LedgerEntryKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return code;
    }
}
