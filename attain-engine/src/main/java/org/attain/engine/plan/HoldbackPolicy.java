package org.attain.engine.plan;

import java.math.BigDecimal;

/** {@code share} of each deal's earnings is held until an event of kind {@code releaseOn} for that deal. */
public record HoldbackPolicy(BigDecimal share, String releaseOn) implements java.io.Serializable {}
