package org.attain.budget.web;

import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.attain.platform.ForbiddenException;

/** Who reads and who writes budgets: finance and admins everything, managers read their subtree's teams. */
final class BudgetAccess {

    private BudgetAccess() {}

    static boolean canWrite(AttainUser user) {
        return user.has(Role.FINANCE) || user.has(Role.ADMIN);
    }

    static void mustRead(AttainUser user) {
        if (!canWrite(user) && !user.has(Role.MANAGER)) {
            throw new ForbiddenException("Budgets are for finance, admins and managers.");
        }
    }

    static void mustWrite(AttainUser user) {
        if (!canWrite(user)) {
            throw new ForbiddenException("Budgets are set by finance and admins.");
        }
    }
}
