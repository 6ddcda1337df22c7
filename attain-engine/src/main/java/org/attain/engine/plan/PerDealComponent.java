package org.attain.engine.plan;

import org.attain.engine.cel.DealCondition;
import org.attain.engine.money.Money;

/**
 * A fixed amount per qualifying deal (a SPIFF): the deal is credited to the payee, closes inside the
 * window and meets {@code when}. A split deal pays the payee's share of the amount.
 */
public record PerDealComponent(ComponentBasics basics, Money amountPerDeal, DealCondition when)
        implements Component, java.io.Serializable {}
