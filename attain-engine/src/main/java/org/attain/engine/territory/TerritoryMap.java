package org.attain.engine.territory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.attain.engine.model.Transaction;

/**
 * Territories as rules: claims a deal by evaluating the rules of the territories in force on its credit
 * date, highest precedence first, and stops below the precedence of the first that claims it (only an equal
 * one can still conflict with it). Immutable.
 */
public final class TerritoryMap implements TerritoryClaims {

    private final List<Territory> byPrecedence;

    public TerritoryMap(List<Territory> territories) {
        List<Territory> sorted = new ArrayList<>(territories);
        sorted.sort(Comparator.comparingInt(Territory::precedence).reversed().thenComparing(Territory::id));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).id().equals(sorted.get(i - 1).id())) {
                throw new IllegalArgumentException(
                        "territory id '" + sorted.get(i).id() + "' is used twice");
            }
        }
        this.byPrecedence = List.copyOf(sorted);
    }

    public List<Territory> territories() {
        return byPrecedence;
    }

    public boolean isEmpty() {
        return byPrecedence.isEmpty();
    }

    @Override
    public Optional<ClaimingTerritory> claim(Transaction t, LocalDate creditDate) {
        Territory first = null;
        List<String> tied = null;
        for (Territory territory : byPrecedence) {
            if (first != null && territory.precedence() < first.precedence()) {
                break;
            }
            if (!territory.inForceOn(creditDate) || !territory.rule().covers(t)) {
                continue;
            }
            if (first == null) {
                first = territory;
            } else {
                if (tied == null) {
                    tied = new ArrayList<>(List.of(first.id()));
                }
                tied.add(territory.id());
            }
        }
        if (tied != null) {
            throw new TerritoryConflict(t.id(), creditDate, tied, first.precedence());
        }
        return first == null ? Optional.empty() : Optional.of(first.claimingOn(creditDate));
    }
}
