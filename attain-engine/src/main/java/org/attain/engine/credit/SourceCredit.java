package org.attain.engine.credit;

import java.math.BigDecimal;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.Transaction;

/** A valid transaction's credit to its owner or to one split person, before any plan's rules apply. */
public record SourceCredit(Transaction transaction, PersonId person, BigDecimal share, boolean overlay) {}
