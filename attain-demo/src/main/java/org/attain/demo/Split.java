package org.attain.demo;

import java.math.BigDecimal;

/** One owner's share of a split deal; the shares of a deal add up to exactly 1.00. */
public record Split(String personId, BigDecimal share) {}
