package org.attain.game;

/**
 * Which rows a rep or manager sees (admins and comp admins see all): everyone's; only their own team's
 * (ranks stay those of the whole board); or only the leaders (the top three) and their own row.
 */
public enum BoardVisibility {
    EVERYONE,
    TEAM,
    ME_AND_LEADERS;

    public static final int LEADERS = 3;
}
