package org.attain.expense;

import org.attain.calendar.PeriodClosed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When a period closes, the commission journal of its months is posted and frozen, in a transaction of its own after
 * the closing commits. Should that fail, the closing stands and the months are posted by the next closing or by
 * finance's "post closed periods" ({@code POST /api/v1/commission-expense/journal/post}).
 */
@Component
class PostJournalsOnClose {

    private static final Logger LOG = LoggerFactory.getLogger(PostJournalsOnClose.class);

    private final CommissionExpense expense;

    PostJournalsOnClose(CommissionExpense expense) {
        this.expense = expense;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PeriodClosed closed) {
        try {
            expense.postClosed(closed.closedBy());
        } catch (RuntimeException e) {
            LOG.error(
                    "Posting the commission journal after closing {} failed; it is posted by the next closing",
                    closed.periodId(),
                    e);
        }
    }
}
