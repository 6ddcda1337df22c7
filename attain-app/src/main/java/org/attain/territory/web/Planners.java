package org.attain.territory.web;

import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.attain.platform.ForbiddenException;

/** Territories are planners' work: admins and comp admins read and change them; everyone else gets a 403. */
final class Planners {

    private Planners() {}

    static void only(AttainUser user) {
        if (user == null || !(user.has(Role.ADMIN) || user.has(Role.COMP_ADMIN))) {
            throw new ForbiddenException("territory.forbidden", "Only admins and comp admins plan territories.");
        }
    }
}
