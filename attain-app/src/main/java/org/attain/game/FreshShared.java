package org.attain.game;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One computation per key for many callers asking at once, never older than the caller's question: a caller reuses
 * a result only when its computation started after the caller asked; otherwise it computes (one at a time per key).
 * When fifty open screens fetch the same board after a change, the board is computed once or twice, not fifty times,
 * and every screen still gets numbers computed after it asked. Nothing is kept for later callers: it is a meeting
 * point, not a cache.
 */
final class FreshShared<K, V> {

    private static final class Slot<V> {
        /** Rounds started; read without the lock, so a caller notes it before waiting for a running round. */
        volatile long started;

        long lastStart;
        V lastValue;
    }

    private final Map<K, Slot<V>> slots = new ConcurrentHashMap<>();

    V get(K key, Supplier<V> compute) {
        Slot<V> slot = slots.computeIfAbsent(key, k -> new Slot<>());
        long asked = slot.started;
        synchronized (slot) {
            if (slot.lastStart > asked && slot.lastValue != null) {
                return slot.lastValue;
            }
            slot.started++;
            slot.lastStart = slot.started;
            slot.lastValue = null;
            V value = compute.get();
            slot.lastValue = value;
            return value;
        }
    }
}
