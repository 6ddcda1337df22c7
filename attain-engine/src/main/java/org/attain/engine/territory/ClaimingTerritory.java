package org.attain.engine.territory;

import java.util.List;
import java.util.Objects;
import org.attain.engine.model.PersonId;

/**
 * The territory that claims a deal on its credit date, with the people credited through it on that date:
 * its {@code owner} (null: vacant, so nobody gets the territory's primary credit) and its {@code overlays}.
 */
public record ClaimingTerritory(String id, String name, int precedence, PersonId owner, List<PersonId> overlays)
        implements java.io.Serializable {

    public ClaimingTerritory {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        overlays = List.copyOf(overlays);
    }

    /** How a credit through this territory is shown: its id, name and the person's role. */
    public ViaTerritory via(TerritoryRole role) {
        return new ViaTerritory(id, name, role);
    }
}
