package org.attain.engine.territory;

import java.util.Objects;

/**
 * A run's territory input: the crediting policy and the claims it consults. {@link #NONE} (the default)
 * leaves crediting exactly as it was: every deal credits its owner or split people.
 */
public record TerritoryCrediting(CreditingPolicy policy, TerritoryClaims claims) implements java.io.Serializable {

    public static final TerritoryCrediting NONE = new TerritoryCrediting(null, TerritoryClaims.NONE);

    public TerritoryCrediting {
        claims = claims == null ? TerritoryClaims.NONE : claims;
    }

    public static TerritoryCrediting of(CreditingPolicy policy, TerritoryClaims claims) {
        return new TerritoryCrediting(
                Objects.requireNonNull(policy, "policy"), Objects.requireNonNull(claims, "claims"));
    }

    /** True when crediting must consult the policy (and, if it names territories, the claims). */
    public boolean active() {
        return policy != null;
    }
}
