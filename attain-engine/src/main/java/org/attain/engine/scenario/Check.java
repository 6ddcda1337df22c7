package org.attain.engine.scenario;

import org.attain.engine.yaml.SourceLocation;

/**
 * One expected value of a scenario: for a person and period, {@code what} is a component id (its amount)
 * or one of uncapped:&lt;component&gt;, qualifying:&lt;component&gt;, for_period:&lt;component&gt;, attainment, quota,
 * payout, balance_after, draw_balance_after, held_after, deal:&lt;transaction&gt; (what the deal earned) or
 * plan_version:&lt;transaction&gt; (the plan version that paid it). {@code person} is null for expected errors and
 * run issues ({@code what} is {@link #RUN_ISSUE}), where {@code period} names the transaction instead.
 */
public record Check(String person, String period, String what, String expected, SourceLocation at) {

    /** The {@code what} of an expected run issue: an issue names the deal ({@code period}) and contains the reason. */
    public static final String RUN_ISSUE = "run_issue";
}
