package org.attain.game;

/**
 * Race: first to the target wins. Classic: highest at the end. Elimination: the lowest drops out after each interval.
 * Team battle: teams compete with their members' summed or average metric (classic at team level). Bracket: pairings
 * per round of {@code intervalDays}, the winner of each pairing advances ({@link Bracket}).
 */
public enum ContestKind {
    RACE,
    CLASSIC,
    ELIMINATION,
    TEAM_BATTLE,
    BRACKET
}
