package org.attain.engine.scenario;

import org.attain.engine.yaml.SourceLocation;

/**
 * One expected value of a scenario: for a person and period, {@code what} is a component id (its amount)
 * or one of uncapped:&lt;component&gt;, qualifying:&lt;component&gt;, for_period:&lt;component&gt;, attainment, quota,
 * payout, balance_after, draw_balance_after, held_after. {@code person} is null for expected errors,
 * where {@code period} names the transaction instead.
 */
public record Check(String person, String period, String what, String expected, SourceLocation at) {}
