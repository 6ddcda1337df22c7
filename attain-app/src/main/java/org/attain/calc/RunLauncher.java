package org.attain.calc;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts a full run in the background for the pages, one at a time: a second click while a run is
 * going is answered "already running" instead of queueing duplicate work.
 */
@Component
public class RunLauncher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunLauncher.class);

    private final CalcRuns runs;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "attain-calc-launcher");
        t.setDaemon(true);
        return t;
    });

    RunLauncher(CalcRuns runs) {
        this.runs = runs;
    }

    /** @return false when a launched run is still going */
    public boolean launchFull(String actor) {
        if (!busy.compareAndSet(false, true)) {
            return false;
        }
        executor.submit(() -> {
            try {
                runs.runFull("page", actor);
            } catch (RuntimeException e) {
                log.error("Calculation run started by {} failed", actor, e);
            } finally {
                busy.set(false);
            }
        });
        return true;
    }

    /** A full run over a chosen range (checked by the caller first); false when a launched run is still going. */
    public boolean launchRange(String from, String to, String actor) {
        if (!busy.compareAndSet(false, true)) {
            return false;
        }
        executor.submit(() -> {
            try {
                runs.runRange(java.util.Set.of(), from, to, "page", actor);
            } catch (RuntimeException e) {
                log.error("Calculation run over {} to {} started by {} failed", from, to, actor, e);
            } finally {
                busy.set(false);
            }
        });
        return true;
    }

    /** True from a page's click until its run has finished, including while it waits its turn. */
    public boolean fullRunPending() {
        return busy.get();
    }

    /** Recalculates these people in the background, after whatever is queued before. */
    void launchFor(java.util.Set<Long> people, String reason, String actor) {
        executor.submit(() -> {
            try {
                runs.runFor(people, reason, actor);
            } catch (RuntimeException e) {
                log.error("Recalculation of {} started by {} failed", people, actor, e);
            }
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
