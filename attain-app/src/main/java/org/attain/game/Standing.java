package org.attain.game;

import java.math.BigDecimal;

/**
 * A competitor's place on a board: competition rank (ties share it: 1, 2, 2, 4), the score the board ranks
 * by (the value, or percent of goal or improvement with two decimals; {@code null} when the competitor has
 * no goal or baseline and so is listed last, unranked), the percentile band and whether the rank is shared.
 */
public record Standing(
        String key, String name, Integer rank, BigDecimal score, BigDecimal value, Band band, boolean tied) {

    public boolean ranked() {
        return rank != null;
    }
}
