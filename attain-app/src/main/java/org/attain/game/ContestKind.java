package org.attain.game;

/** Race: first to the target wins. Classic: highest at the end. Elimination: the lowest drops out after each interval. */
public enum ContestKind {
    RACE,
    CLASSIC,
    ELIMINATION
}
