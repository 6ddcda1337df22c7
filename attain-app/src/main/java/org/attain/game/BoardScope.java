package org.attain.game;

/** Who competes on a board: each rep, or teams (their members' sums). */
public enum BoardScope {
    INDIVIDUAL,
    TEAM
}
