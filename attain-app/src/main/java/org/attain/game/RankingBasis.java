package org.attain.game;

/**
 * What a board orders people by: the metric's value, the value as a percent of each person's goal (fair
 * across different quotas), or the improvement over each person's baseline in percent.
 */
public enum RankingBasis {
    VALUE,
    PERCENT_OF_GOAL,
    IMPROVEMENT
}
