package org.attain.ingest;

/**
 * What one import did. Accepted rows are the new and the changed ones; unchanged rows were already
 * loaded with the same values; rejected rows are in the import's quarantine.
 */
public record ImportOutcome(long importId, String status, long rowsRead, long inserted, long updated, long unchanged,
        long rejected, String message) {

    public long accepted() {
        return inserted + updated;
    }

    /** The line the CLI prints and scripts look for. */
    public String summary() {
        return "accepted=" + accepted() + " rejected=" + rejected + " unchanged=" + unchanged;
    }
}
