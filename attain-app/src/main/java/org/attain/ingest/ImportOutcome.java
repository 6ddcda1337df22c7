package org.attain.ingest;

/**
 * What one import did. Accepted rows are the new and the changed ones; unchanged rows were already
 * loaded with the same values; rejected rows are in the import's quarantine; skipped rows are those the
 * profile's filters left out (counted in {@code rowsRead}, never quarantined). {@code millis} is the
 * time from start to commit, without what listeners of {@link org.attain.sales.TransactionsChanged} do afterwards.
 */
public record ImportOutcome(
        long importId,
        String status,
        long rowsRead,
        long inserted,
        long updated,
        long unchanged,
        long rejected,
        String message,
        long millis,
        long skipped,
        OutsideRun outsideRun) {

    /** Without skipped rows and without rows outside the next run. */
    public ImportOutcome(
            long importId,
            String status,
            long rowsRead,
            long inserted,
            long updated,
            long unchanged,
            long rejected,
            String message,
            long millis) {
        this(importId, status, rowsRead, inserted, updated, unchanged, rejected, message, millis, 0, null);
    }

    /** Without rows outside the next run (every record kind but transactions). */
    public ImportOutcome(
            long importId,
            String status,
            long rowsRead,
            long inserted,
            long updated,
            long unchanged,
            long rejected,
            String message,
            long millis,
            long skipped) {
        this(importId, status, rowsRead, inserted, updated, unchanged, rejected, message, millis, skipped, null);
    }

    /** The same outcome, saying which of its rows the next run leaves out ({@code null}: none). */
    public ImportOutcome withOutsideRun(OutsideRun outside) {
        return new ImportOutcome(
                importId, status, rowsRead, inserted, updated, unchanged, rejected, message, millis, skipped, outside);
    }

    public long accepted() {
        return inserted + updated;
    }

    /** The line the CLI prints and scripts look for. */
    public String summary() {
        return "accepted=" + accepted() + " rejected=" + rejected + " unchanged=" + unchanged + " skipped=" + skipped;
    }
}
