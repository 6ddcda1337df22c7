package org.attain.game;

/**
 * Percentile bands a board shows instead of exact ranks: decided by the share of competitors ranked ahead
 * (fewer than 10 % ahead: top 10 %, and so on). Tied competitors share a rank and so a band.
 */
public enum Band {
    TOP_10(10),
    TOP_25(25),
    TOP_50(50),
    REST(100);

    private final int percent;

    Band(int percent) {
        this.percent = percent;
    }

    public int percent() {
        return percent;
    }

    /** The band of the competitor at {@code rank} (1-based, competition ranking) among {@code of}. */
    public static Band of(int rank, int of) {
        if (rank < 1 || of < 1 || rank > of) {
            throw new IllegalArgumentException("rank " + rank + " of " + of);
        }
        // ahead / of < percent / 100, in integers
        long ahead = rank - 1L;
        for (Band band : values()) {
            if (ahead * 100 < (long) band.percent * of) {
                return band;
            }
        }
        return REST;
    }
}
