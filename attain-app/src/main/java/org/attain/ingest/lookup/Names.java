package org.attain.ingest.lookup;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Known names of one kind of record (team codes and names, product codes and names …) with what
 * each stands for; an unknown name is answered with the closest known one.
 */
public final class Names<T> {

    /** A resolved name: the value, or a reason with an optional suggestion. */
    public record Found<T>(T value, String reason, String suggestion) {
        public boolean ok() {
            return value != null;
        }
    }

    private final String what;
    private final Map<String, T> exact = new HashMap<>();
    private final Map<String, T> byName = new HashMap<>();
    private final Set<String> shown = new LinkedHashSet<>();

    Names(String what) {
        this.what = what;
    }

    Names<T> add(String name, T value) {
        if (name != null && !name.isBlank()) {
            exact.put(name, value);
            byName.put(key(name), value);
            shown.add(name.strip());
        }
        return this;
    }

    public Found<T> find(String name) {
        // the exact name first: a million-row transaction file names the same few products over and over
        T value = exact.get(name);
        if (value == null) {
            value = byName.get(key(name));
        }
        if (value != null) {
            return new Found<>(value, null, null);
        }
        return new Found<>(null, "unknown " + what + " '" + name.strip() + "'", Closest.to(name, shown));
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }

    private static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
