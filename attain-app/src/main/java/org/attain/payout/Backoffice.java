package org.attain.payout;

import org.attain.access.AttainUser;
import org.attain.access.Role;

/** Who runs payout: admins and comp admins work disputes, approve anyone and record adjustments. */
public final class Backoffice {

    private Backoffice() {}

    public static boolean compAdmin(AttainUser user) {
        return user.has(Role.ADMIN) || user.has(Role.COMP_ADMIN);
    }

    /** Finance reads payroll too; it does not approve, so paying and approving stay two people. */
    static boolean payroll(AttainUser user) {
        return compAdmin(user) || user.has(Role.FINANCE);
    }
}
