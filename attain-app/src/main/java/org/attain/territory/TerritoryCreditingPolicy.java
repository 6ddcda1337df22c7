package org.attain.territory;

import java.time.Instant;
import java.util.List;
import org.attain.engine.territory.CreditingPolicy;

/**
 * The company's territory crediting policy: off (runs credit deal owners and splits, as without territories) or on
 * with the hierarchy whose territories credit, the precedence of the sources of primary credit ({@code territory},
 * {@code owner}) and whether primary credit is given once.
 */
public record TerritoryCreditingPolicy(
        boolean enabled,
        Long hierarchyId,
        String hierarchyCode,
        List<String> precedence,
        boolean primaryOnce,
        Instant changedAt,
        String changedBy) {

    public TerritoryCreditingPolicy {
        precedence = List.copyOf(precedence);
    }

    /** The precedence as written on the page and in the API: {@code territory,owner}. */
    public String precedenceText() {
        return String.join(",", precedence);
    }

    /** The engine's policy (only meaningful when enabled). */
    public CreditingPolicy engine() {
        return new CreditingPolicy(
                precedence.stream().map(CreditingPolicy.Source::parse).toList(), primaryOnce);
    }

    /** True when runs consult the hierarchy's territories. */
    public boolean usesTerritories() {
        return enabled && precedence.contains("territory");
    }
}
