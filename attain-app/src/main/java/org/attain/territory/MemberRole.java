package org.attain.territory;

/** What a person is to a territory: its owner (credited for its accounts) or an overlay (a specialist alongside). */
public enum MemberRole {
    OWNER,
    OVERLAY
}
