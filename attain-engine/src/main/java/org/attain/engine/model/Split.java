package org.attain.engine.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A share of a transaction's credit. Ordinary shares must add up to 1.00; an {@code overlay} share is
 * extra credit (e.g. a specialist) on top and is not counted in that sum.
 */
public record Split(PersonId person, BigDecimal share, boolean overlay) implements java.io.Serializable {

    public Split {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(share, "share");
    }
}
