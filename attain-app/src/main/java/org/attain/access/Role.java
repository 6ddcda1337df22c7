package org.attain.access;

/** What a user may do. A user can hold several roles. */
public enum Role {
    ADMIN,
    COMP_ADMIN,
    FINANCE,
    MANAGER,
    REP;

    public String authority() {
        return "ROLE_" + name();
    }

    /** Roles that see everyone's pay; everyone else is limited to self and reporting subtree. */
    public boolean seesEveryone() {
        return this == ADMIN || this == COMP_ADMIN || this == FINANCE;
    }
}
