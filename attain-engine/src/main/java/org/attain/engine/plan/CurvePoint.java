package org.attain.engine.plan;

import java.math.BigDecimal;
import org.attain.engine.money.Money;

/** At {@code at} (attainment or amount) the curve pays {@code pay}; between points it is linear. */
public record CurvePoint(BigDecimal at, Money pay) {}
