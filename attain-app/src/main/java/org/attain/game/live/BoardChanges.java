package org.attain.game.live;

import java.util.EnumSet;
import java.util.Set;
import org.attain.activity.ActivitiesCaptured;
import org.attain.activity.ActivityKind;
import org.attain.game.Metric;
import org.attain.sales.OpportunitiesChanged;
import org.attain.sales.TransactionsChanged;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What changes which metric: deals (an import, the bulk API, a webhook) move bookings, deals won and pipeline;
 * a CRM's opportunities move the open pipeline and the pipeline created; captured calls and meetings move those
 * counts. Heard after the change committed, first among the listeners (the
 * recalculation that follows an import runs in the same thread and would otherwise go before), and handed to
 * {@link BoardFeed}'s own thread at once. Attainment boards move when a calculation finishes: their pages already
 * refresh through the calculation's live results ({@code /live}).
 */
@Component
class BoardChanges {

    private final BoardFeed feed;

    BoardChanges(BoardFeed feed) {
        this.feed = feed;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(TransactionsChanged change) {
        feed.changed(
                EnumSet.of(Metric.BOOKINGS, Metric.DEALS_WON, Metric.PIPELINE), change.earliest(), change.latest());
    }

    /** A CRM's opportunity, new or changed: the open pipeline and the pipeline created (whatever its days). */
    @TransactionalEventListener(fallbackExecution = true)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(OpportunitiesChanged change) {
        feed.changed(EnumSet.of(Metric.PIPELINE, Metric.PIPELINE_CREATED), null, null);
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(ActivitiesCaptured captured) {
        Set<Metric> metrics = EnumSet.noneOf(Metric.class);
        if (captured.kinds().contains(ActivityKind.CALL)) {
            metrics.add(Metric.CALLS);
        }
        if (captured.kinds().contains(ActivityKind.MEETING)) {
            metrics.add(Metric.MEETINGS);
        }
        feed.changed(metrics, captured.earliest(), captured.latest());
    }
}
