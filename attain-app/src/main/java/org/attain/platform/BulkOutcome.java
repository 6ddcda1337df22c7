package org.attain.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * What one bulk action did: how many rows were done and each refused row with its reason, so
 * nothing chosen is silently dropped. Shown by the shared fragment {@code fragments/bulk :: result}.
 */
public record BulkOutcome(int done, List<Refusal> refused) {

    public BulkOutcome {
        refused = List.copyOf(refused);
    }

    /** A row the action left alone: which one (as the page names it) and why, in the page's language. */
    public record Refusal(String row, String reason) {}

    /** Collects the outcome row by row. */
    public static final class Tally {
        private int done;
        private final List<Refusal> refused = new ArrayList<>();

        public void done() {
            done++;
        }

        public void refused(String row, String reason) {
            refused.add(new Refusal(row, reason));
        }

        public BulkOutcome outcome() {
            return new BulkOutcome(done, refused);
        }
    }
}
