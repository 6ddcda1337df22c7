package org.attain.engine.territory;

/** How a person is credited through a territory: its owner gets primary credit, an overlay overlay credit. */
public enum TerritoryRole {
    OWNER,
    OVERLAY;

    /** The role as written in scenarios and traces: {@code owner} or {@code overlay}. */
    public String text() {
        return this == OWNER ? "owner" : "overlay";
    }
}
