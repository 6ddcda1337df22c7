package org.attain.engine.calc;

import java.math.BigDecimal;
import java.util.Map;
import org.attain.engine.model.TransactionId;

/** A component's statement line and, for per-deal components, what each deal earned (after caps). */
record ComponentOutcome(EarningsLine line, Map<TransactionId, BigDecimal> perDeal) implements java.io.Serializable {}
