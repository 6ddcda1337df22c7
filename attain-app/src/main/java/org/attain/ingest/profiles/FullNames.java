package org.attain.ingest.profiles;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a full name the way a people file writes it. "Schmidt, Anna" is last name, first name. Without a
 * comma the last word is the last name and everything before it the first name ("Anna Maria Schmidt" →
 * "Anna Maria" + "Schmidt"), because second given names are far more common in HR files than double
 * family names without a hyphen; name particles right before it stay with it ("Ludwig van Beethoven" →
 * "van Beethoven", "Karl zu Guttenberg" → "zu Guttenberg"). A single word cannot be split.
 */
final class FullNames {

    private static final Set<String> PARTICLES = Set.of(
            "von", "van", "vom", "zu", "zum", "zur", "de", "der", "den", "del", "della", "di", "da", "dos", "das", "du",
            "la", "le", "ten", "ter", "op", "af", "al", "bin", "ibn");

    /** A name split in two, or the reason it cannot be. */
    record Split(String first, String last, String problem) {}

    private FullNames() {}

    static Split split(String fullName) {
        String name = fullName.strip().replaceAll("\\s+", " ");
        int comma = name.indexOf(',');
        if (comma >= 0) {
            String last = name.substring(0, comma).strip();
            String first = name.substring(comma + 1).strip();
            if (last.isEmpty() || first.isEmpty() || first.contains(",")) {
                return new Split(null, null, "cannot split '" + name + "' into last name, first name");
            }
            return new Split(first, last, null);
        }
        String[] words = name.split(" ");
        if (words.length < 2) {
            return new Split(null, null, "cannot split '" + name + "' into first and last name: it is one word");
        }
        int lastStarts = words.length - 1;
        while (lastStarts > 1 && PARTICLES.contains(words[lastStarts - 1].toLowerCase(Locale.ROOT))) {
            lastStarts--;
        }
        return new Split(
                String.join(" ", Arrays.copyOfRange(words, 0, lastStarts)),
                String.join(" ", Arrays.copyOfRange(words, lastStarts, words.length)),
                null);
    }
}
