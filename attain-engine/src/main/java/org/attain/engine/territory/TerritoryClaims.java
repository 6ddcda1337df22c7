package org.attain.engine.territory;

import java.time.LocalDate;
import java.util.Optional;
import org.attain.engine.model.Transaction;

/**
 * Which territory claims a deal on its credit date. Crediting asks this once per deal, and only when the
 * run has a crediting policy that names territories; runs without territories never call it.
 *
 * <p>Two ways to answer: {@link TerritoryMap} evaluates each territory's rule (scenarios, tests, small
 * companies); an application may instead look the deal's account up in assignments it has computed
 * beforehand (account -> territory, effective-dated) and return the territory with the owner and
 * overlays of that day. Implementations must be immutable or thread-safe (payees are computed on many
 * threads) and deterministic.
 */
@FunctionalInterface
public interface TerritoryClaims extends java.io.Serializable {

    /** No territory claims anything. */
    TerritoryClaims NONE = (t, day) -> Optional.empty();

    /**
     * The territory in force on {@code creditDate} that claims {@code t}, highest precedence first; empty
     * when none does.
     *
     * @throws TerritoryConflict when territories of equal (highest) precedence both claim it
     */
    Optional<ClaimingTerritory> claim(Transaction t, LocalDate creditDate);
}
