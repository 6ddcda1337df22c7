package org.attain.game;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.attain.activity.ActivitiesCaptured;
import org.attain.sales.TransactionsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When achievements are awarded without anyone asking: right after deals ({@code sales.TransactionsChanged}) or
 * activities ({@code activity.ActivitiesCaptured}) of some people committed, for those people, on a thread of its
 * own (the import never waits; changes arriving meanwhile are gathered into the next evaluation); and every night
 * for everyone ({@code attain.game.achievements.cron}, one node at a time). A badge earned this way is posted to
 * chat like any other. Each rule still counts only from its own first day ({@link AchievementRules}).
 */
@Component
class AchievementTriggers {

    private static final Logger log = LoggerFactory.getLogger(AchievementTriggers.class);

    private final AchievementRules rules;
    private final Set<Long> waiting = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "game-achievements");
        t.setDaemon(true);
        return t;
    });

    AchievementTriggers(AchievementRules rules) {
        this.rules = rules;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(TransactionsChanged change) {
        later(change.personIds());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ActivitiesCaptured captured) {
        later(captured.personIds());
    }

    private void later(Set<Long> people) {
        if (people.isEmpty()) {
            return;
        }
        waiting.addAll(people);
        if (queued.compareAndSet(false, true)) {
            try {
                worker.execute(this::evaluateWaiting);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                queued.set(false); // shutting down
            }
        }
    }

    private void evaluateWaiting() {
        queued.set(false);
        Set<Long> batch = new HashSet<>();
        for (Iterator<Long> i = waiting.iterator(); i.hasNext(); ) {
            batch.add(i.next());
            i.remove();
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            int added = rules.evaluate(batch);
            if (added > 0) {
                log.info("achievements: {} awarded after changes of {} people", added, batch.size());
            }
        } catch (RuntimeException e) {
            log.warn("achievements: could not evaluate after changes of {} people: {}", batch.size(), e.getMessage());
        }
    }

    /** Everyone, nightly: what no event announced (a rule added without evaluating, a missed event). */
    @Scheduled(cron = "${attain.game.achievements.cron:0 30 1 * * *}")
    @SchedulerLock(name = "game.achievements", lockAtMostFor = "PT1H", lockAtLeastFor = "PT1M")
    void nightly() {
        try {
            int added = rules.evaluate();
            log.info("achievements: nightly evaluation awarded {}", added);
        } catch (RuntimeException e) {
            log.warn("achievements: nightly evaluation failed: {}", e.getMessage());
        }
    }

    @EventListener(ContextClosedEvent.class)
    void close() {
        worker.shutdownNow();
    }
}
