package org.attain.demo;

import java.time.Instant;

/**
 * A logged sales activity; maps to table {@code activity}.
 *
 * @param outcome       e.g. "connected", "voicemail", "held", "no_show"
 * @param accountId     may be null for webinars with no account
 * @param opportunityId null for prospecting activities that precede any opportunity
 */
public record Activity(
        String externalId,
        String personId,
        ActivityKind kind,
        Instant occurredAt,
        int durationMinutes,
        String outcome,
        String accountId,
        String opportunityId) {}
