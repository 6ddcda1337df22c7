package org.attain.territory;

/** Levels of a territory hierarchy, top down: an area holds regions, a region districts, a district territories. */
public enum Level {
    AREA,
    REGION,
    DISTRICT,
    TERRITORY;

    /** The level a parent must be on; null for an area, which has none. */
    public Level parentLevel() {
        return this == AREA ? null : values()[ordinal() - 1];
    }

    /** The level of the children; null for a territory, which has none. */
    public Level childLevel() {
        return this == TERRITORY ? null : values()[ordinal() + 1];
    }
}
