package org.attain.engine.territory;

import java.util.Objects;

/** Marks a credit that came through a territory, as its owner's or an overlay's: shown in traces. */
public record ViaTerritory(String id, String name, TerritoryRole role) implements java.io.Serializable {

    public ViaTerritory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        name = name == null ? id : name;
    }

    /** "territory NORDICS (owner r1)": how a trace says where a credit came from. */
    public String describe(Object person) {
        return "territory " + id + " (" + role.text() + " " + person + ")";
    }
}
