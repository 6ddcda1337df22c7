package org.attain.engine.territory;

import java.time.LocalDate;
import java.util.Objects;
import org.attain.engine.model.PersonId;

/**
 * A person's time on a territory as its owner or one of its overlays, over the half-open range
 * {@code [from, until)} (as the app stores effective-dated rows); {@code until} null means open-ended.
 */
public record TerritoryMember(PersonId person, TerritoryRole role, LocalDate from, LocalDate until)
        implements java.io.Serializable {

    public TerritoryMember {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(role, "role");
        from = from == null ? LocalDate.MIN : from;
        until = until == null ? LocalDate.MAX : until;
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException(
                    person + " as " + role.text() + ": until " + until + " is not after from " + from);
        }
    }

    public static TerritoryMember owner(String person, LocalDate from, LocalDate until) {
        return new TerritoryMember(PersonId.of(person), TerritoryRole.OWNER, from, until);
    }

    public static TerritoryMember overlay(String person, LocalDate from, LocalDate until) {
        return new TerritoryMember(PersonId.of(person), TerritoryRole.OVERLAY, from, until);
    }

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(from) && day.isBefore(until);
    }

    boolean overlaps(TerritoryMember other) {
        return from.isBefore(other.until) && other.from.isBefore(until);
    }
}
