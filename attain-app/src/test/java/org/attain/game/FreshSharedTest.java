package org.attain.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Callers waiting while a board is computed share the next computation, never the one that began before they asked. */
class FreshSharedTest {

    @Test
    void callersWhoAskedDuringARunningComputationShareOneNewComputation() throws Exception {
        FreshShared<Long, String> shared = new FreshShared<>();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> first = new AtomicReference<>();
        Thread a = new Thread(() -> first.set(shared.get(1L, () -> {
            running.countDown();
            await(release);
            return "before";
        })));
        a.start();
        running.await();

        AtomicInteger computed = new AtomicInteger();
        AtomicReference<String> b = new AtomicReference<>();
        AtomicReference<String> c = new AtomicReference<>();
        Thread tb = new Thread(() -> b.set(shared.get(1L, () -> "after-" + computed.incrementAndGet())));
        Thread tc = new Thread(() -> c.set(shared.get(1L, () -> "after-" + computed.incrementAndGet())));
        tb.start();
        tc.start();
        // Both have asked and wait for the running computation.
        while (tb.getState() != Thread.State.BLOCKED || tc.getState() != Thread.State.BLOCKED) {
            Thread.onSpinWait();
        }
        release.countDown();
        a.join();
        tb.join();
        tc.join();

        assertThat(first.get()).isEqualTo("before");
        assertThat(b.get()).isEqualTo("after-1");
        assertThat(c.get()).isEqualTo("after-1");
        assertThat(computed.get()).isEqualTo(1);
    }

    @Test
    void aCallerAfterTheComputationFinishedComputesAgain() {
        FreshShared<Long, String> shared = new FreshShared<>();
        AtomicInteger computed = new AtomicInteger();
        assertThat(shared.get(1L, () -> "v" + computed.incrementAndGet())).isEqualTo("v1");
        assertThat(shared.get(1L, () -> "v" + computed.incrementAndGet())).isEqualTo("v2");
        assertThat(shared.get(2L, () -> "w" + computed.incrementAndGet())).isEqualTo("w3");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
