package org.attain.org;

/** What a person does in the sales organisation (not what they may do in Attain: that is a Role). */
public enum RoleType {
    REP,
    SDR,
    OVERLAY,
    MANAGER,
    ADMIN
}
