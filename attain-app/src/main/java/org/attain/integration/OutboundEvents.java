package org.attain.integration;

import java.time.LocalDate;

/**
 * Events other capabilities publish for outbound webhooks where they have none of their own yet.
 * Publishing one of these (a one-line {@code publishEvent}) is all it takes for subscribers to hear of it.
 */
public final class OutboundEvents {

    private OutboundEvents() {
    }

    /** A rep's statement for a period was published (made final and visible). */
    public record StatementPublished(long personId, String periodId, long resultId, LocalDate publishedOn) {
    }

    /** A rep opened a dispute about a statement line. */
    public record DisputeOpened(long disputeId, long personId, String periodId, Integer lineNo) {
    }
}
