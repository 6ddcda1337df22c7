package org.attain.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap a phase of the benchmark needs: the most in use (sampled every 50 ms, garbage included, so it grows
 * with {@code -Xmx}) and the most left in use after a garbage collection (what the phase kept alive, plus what
 * the old generation had not yet collected), both since {@link #reset}. The second is what the spark preset
 * scales to larger runs.
 */
final class HeapWatch implements AutoCloseable {

    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final Thread sampler;
    private final List<Runnable> unsubscribe = new ArrayList<>();

    HeapWatch() {
        var memory = ManagementFactory.getMemoryMXBean();
        sampler = new Thread(
                () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "bench-heap-watch");
        sampler.setDaemon(true);
        sampler.start();
        NotificationListener listener = this::collected;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                unsubscribe.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (javax.management.ListenerNotFoundException e) {
                        // Already gone.
                    }
                });
            }
        }
    }

    private void collected(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        var after = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData())
                .getGcInfo()
                .getMemoryUsageAfterGc();
        // The map holds the non-heap pools too (metaspace, code cache): only the heap's count.
        long used = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage u = after.get(pool.getName());
            if (pool.getType() == MemoryType.HEAP && u != null) {
                used += u.getUsed();
            }
        }
        peakAfterGc.accumulateAndGet(used, Math::max);
    }

    /** Starts a phase: both peaks from what is in use now. */
    void reset() {
        long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        peakUsed.set(now);
        peakAfterGc.set(0);
    }

    /** In use after a full collection now: what is alive. */
    static long live() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    long peakUsed() {
        return peakUsed.get();
    }

    /** The most in use after a collection since {@link #reset}; 0 when none ran. */
    long peakAfterGc() {
        return peakAfterGc.get();
    }

    @Override
    public void close() {
        sampler.interrupt();
        unsubscribe.forEach(Runnable::run);
    }
}
