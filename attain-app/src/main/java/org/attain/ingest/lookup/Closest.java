package org.attain.ingest.lookup;

import java.util.Collection;
import java.util.Locale;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/** The known value most like an unknown one ("Jon Smyth" -> "Jon Smith"), if any is close enough. */
public final class Closest {

    // Below this, a "suggestion" is more likely to mislead than to help.
    private static final double THRESHOLD = 0.85;
    private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();

    private Closest() {}

    public static String to(String unknown, Collection<String> known) {
        String probe = unknown.trim().toLowerCase(Locale.ROOT);
        String best = null;
        double bestScore = THRESHOLD;
        for (String candidate : known) {
            double score = SIMILARITY.apply(probe, candidate.toLowerCase(Locale.ROOT));
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return best;
    }
}
