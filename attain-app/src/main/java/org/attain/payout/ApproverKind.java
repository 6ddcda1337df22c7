package org.attain.payout;

/**
 * Who approves one level of an approval chain: the payee's manager (any manager above them, or the back office as
 * before chains existed), or finance (a user with the finance role, or an admin).
 */
public enum ApproverKind {
    MANAGER,
    FINANCE
}
