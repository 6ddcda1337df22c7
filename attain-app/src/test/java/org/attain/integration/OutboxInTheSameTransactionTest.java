package org.attain.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.attain.payout.DisputeOpened;
import org.attain.support.AttainIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An outbound event's delivery rows commit with the change that published it: a process killed right
 * after that commit still finds them to send at its next start (written after the commit, they were
 * lost with it), and a change that rolls back leaves none.
 */
class OutboxInTheSameTransactionTest extends AttainIntegrationTest {

    @Autowired
    WebhookSubscriptions subscriptions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private long deliveries(long subscription) {
        return jdbc.sql("select count(*) from integration_delivery where subscription_id = :s")
                .param("s", subscription)
                .query(Long.class)
                .single();
    }

    @Test
    void theDeliveryRowIsWrittenBeforeTheChangeCommitsAndNotAtAllWhenItRollsBack() {
        // a receiver nobody listens on: attempts fail and are retried later, which this test does not wait for
        long subscription = subscriptions
                .create("http://127.0.0.1:9/outbox-test", List.of("dispute.opened"), "admin")
                .subscription()
                .id();
        try {
            AtomicLong seenBeforeCommit = new AtomicLong(-1);
            new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                events.publishEvent(new DisputeOpened(-1, -1, "2026-05", 1));
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public int getOrder() {
                        return Ordered.LOWEST_PRECEDENCE;
                    }

                    @Override
                    public void beforeCommit(boolean readOnly) {
                        seenBeforeCommit.set(deliveries(subscription));
                    }
                });
            });
            assertThat(seenBeforeCommit.get()).isEqualTo(1);
            assertThat(deliveries(subscription)).isEqualTo(1);

            new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                events.publishEvent(new DisputeOpened(-2, -1, "2026-05", 1));
                tx.setRollbackOnly();
            });
            assertThat(deliveries(subscription)).isEqualTo(1);
        } finally {
            subscriptions.deactivate(subscription, "admin");
        }
    }
}
