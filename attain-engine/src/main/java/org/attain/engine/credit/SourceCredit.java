package org.attain.engine.credit;

import java.math.BigDecimal;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.Transaction;
import org.attain.engine.territory.ViaTerritory;

/**
 * A valid transaction's credit to its owner, one split person or (under a crediting policy) the owner or an
 * overlay of the territory that claims it ({@code territory}, null otherwise), before any plan's rules apply.
 */
public record SourceCredit(
        Transaction transaction, PersonId person, BigDecimal share, boolean overlay, ViaTerritory territory)
        implements java.io.Serializable {

    public SourceCredit(Transaction transaction, PersonId person, BigDecimal share, boolean overlay) {
        this(transaction, person, share, overlay, null);
    }
}
