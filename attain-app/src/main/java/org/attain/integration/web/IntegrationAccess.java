package org.attain.integration.web;

import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.attain.platform.ForbiddenException;

/** Integrations hold credentials to other systems: only admins configure or read them. */
final class IntegrationAccess {

    private IntegrationAccess() {}

    static void requireAdmin(AttainUser user) {
        if (user == null || !user.has(Role.ADMIN)) {
            throw new ForbiddenException("Only admins manage integrations.");
        }
    }
}
