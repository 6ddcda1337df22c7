package org.attain.engine.whatif;

import org.attain.engine.money.Money;

/** A statement line whose amount the hypothetical deal changes (before is zero for a new line). */
public record LineChange(String component, Money before, Money after, Money delta) {}
