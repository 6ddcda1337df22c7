package org.attain.engine.territory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.attain.engine.model.PersonId;

/**
 * A territory: the deals its {@code rule} claims while it is in force ({@code [from, until)}, until null:
 * open-ended), credited to its owner and overlays of the day. Where several territories claim a deal the
 * highest {@code precedence} wins; equal precedence is a conflict, never a silent pick. A territory has one
 * owner at a time (a gap is a vacancy) and any number of overlays.
 */
public record Territory(
        String id,
        String name,
        int precedence,
        TerritoryRule rule,
        LocalDate from,
        LocalDate until,
        List<TerritoryMember> members)
        implements java.io.Serializable {

    public Territory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rule, "rule");
        name = name == null ? id : name;
        from = from == null ? LocalDate.MIN : from;
        until = until == null ? LocalDate.MAX : until;
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException("territory " + id + ": until " + until + " is not after from " + from);
        }
        members = List.copyOf(members);
        for (int i = 0; i < members.size(); i++) {
            for (int j = 0; j < i; j++) {
                TerritoryMember a = members.get(i);
                TerritoryMember b = members.get(j);
                if (a.role() == TerritoryRole.OWNER && b.role() == TerritoryRole.OWNER && a.overlaps(b)) {
                    throw new IllegalArgumentException("territory " + id + " has two owners at once (" + b.person()
                            + " and " + a.person() + " from " + later(a.from(), b.from()) + "); one owner at a time");
                }
            }
        }
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(from) && day.isBefore(until);
    }

    /** The owner on {@code day}, or null when the territory is vacant then. */
    public PersonId ownerOn(LocalDate day) {
        for (TerritoryMember m : members) {
            if (m.role() == TerritoryRole.OWNER && m.activeOn(day)) {
                return m.person();
            }
        }
        return null;
    }

    /** The overlays on {@code day}, each once, in the order they are listed. */
    public List<PersonId> overlaysOn(LocalDate day) {
        List<PersonId> result = new ArrayList<>(2);
        for (TerritoryMember m : members) {
            if (m.role() == TerritoryRole.OVERLAY && m.activeOn(day) && !result.contains(m.person())) {
                result.add(m.person());
            }
        }
        return result;
    }

    /** What this territory contributes to crediting a deal on {@code day}. */
    public ClaimingTerritory claimingOn(LocalDate day) {
        return new ClaimingTerritory(id, name, precedence, ownerOn(day), overlaysOn(day));
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
