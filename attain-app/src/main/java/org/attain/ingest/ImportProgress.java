package org.attain.ingest;

import org.attain.ingest.files.RowSource;

/** How far a running import is; written by the import's thread, read by pages and the API. */
public final class ImportProgress {

    public enum Phase {
        QUEUED,
        READING,
        LOADING,
        DONE,
        FAILED
    }

    private volatile Phase phase = Phase.QUEUED;
    private volatile long rows;
    private volatile RowSource source;

    public void reading(RowSource source) {
        this.source = source;
        phase = Phase.READING;
    }

    public void row() {
        rows++;
    }

    public void loading() {
        phase = Phase.LOADING;
    }

    void finished(boolean ok) {
        phase = ok ? Phase.DONE : Phase.FAILED;
    }

    public Phase phase() {
        return phase;
    }

    public long rows() {
        return rows;
    }

    /** 0..100 while reading a file of known size; 100 once reading is over; -1 when unknown. */
    public int percent() {
        if (phase == Phase.LOADING || phase == Phase.DONE) {
            return 100;
        }
        RowSource s = source;
        if (s == null || s.totalBytes() <= 0) {
            return phase == Phase.QUEUED ? 0 : -1;
        }
        return (int) Math.min(99, s.bytesRead() * 100 / s.totalBytes());
    }
}
