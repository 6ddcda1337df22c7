package org.attain.demo;

/** The role of a person in the sales organisation; the values of {@code person.role_type}. */
public enum RoleType {
    /** Account executive: owns accounts and closes deals. */
    REP,
    /** Sales development rep: books first meetings, does not close. */
    SDR,
    /** Overlay specialist (solution engineer), credited on the deals of their region. */
    OVERLAY,
    /** Anyone with direct reports: first-line managers, regional VPs, the CRO. */
    MANAGER,
    /** Sales operations, compensation administration and finance staff. */
    ADMIN
}
