package org.attain.demo;

import java.math.BigDecimal;

/** Opportunity stage with the default probability a CRM would show for it. */
public enum Stage {
    PROSPECTING("Prospecting", "0.10"),
    QUALIFICATION("Qualification", "0.20"),
    PROPOSAL("Proposal", "0.40"),
    NEGOTIATION("Negotiation", "0.70"),
    CLOSED_WON("Closed Won", "1.00"),
    CLOSED_LOST("Closed Lost", "0.00");

    private final String label;
    private final BigDecimal probability;

    Stage(String label, String probability) {
        this.label = label;
        this.probability = new BigDecimal(probability);
    }

    /** The text stored in {@code opportunity.stage}, e.g. "Closed Won". */
    public String label() {
        return label;
    }

    public BigDecimal probability() {
        return probability;
    }

    public boolean isClosed() {
        return this == CLOSED_WON || this == CLOSED_LOST;
    }
}
