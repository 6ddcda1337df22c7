package org.attain.platform;

import java.util.ArrayList;
import java.util.List;
import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The page chrome every page gets: who is logged in and the navigation their roles allow. */
@ControllerAdvice(annotations = Controller.class)
class Shell {

    /** A navigation entry: message key and link. */
    public record NavItem(String key, String href) {
    }

    @ModelAttribute
    void chrome(Model model, jakarta.servlet.http.HttpServletRequest request) {
        model.addAttribute("currentPath", request.getRequestURI());
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AttainUser user) {
            model.addAttribute("me", user);
            model.addAttribute("nav", navFor(user));
        }
    }

    static List<NavItem> navFor(AttainUser user) {
        List<NavItem> nav = new ArrayList<>();
        nav.add(new NavItem("nav.home", "/"));
        if (user.personId() != null) {
            nav.add(new NavItem("nav.profile", "/people/" + user.personId()));
            if (user.has(Role.REP) || user.has(Role.MANAGER)) {
                nav.add(new NavItem("nav.statement", "/people/" + user.personId() + "/statement"));
            }
        }
        if (user.has(Role.MANAGER)) {
            nav.add(new NavItem("nav.team", "/team"));
        }
        if (user.has(Role.MANAGER) || user.seesEveryone()) {
            nav.add(new NavItem("nav.people", "/people"));
        }
        if (user.seesEveryone()) {
            nav.add(new NavItem("nav.teams", "/teams"));
            nav.add(new NavItem("nav.plans", "/plans"));
            nav.add(new NavItem("nav.runs", "/runs"));
            nav.add(new NavItem("nav.quotas", "/quotas"));
            nav.add(new NavItem("nav.periods", "/periods"));
        }
        if (user.has(Role.ADMIN) || user.has(Role.COMP_ADMIN)) {
            nav.add(new NavItem("nav.imports", "/imports"));
            nav.add(new NavItem("nav.audit", "/admin/audit"));
        }
        if (user.personId() != null || user.seesEveryone()) nav.add(new NavItem("nav.disputes", "/disputes"));
        if (user.has(Role.MANAGER) || user.seesEveryone()) nav.add(new NavItem("nav.approvals", "/approvals"));
        if (user.seesEveryone()) nav.add(new NavItem("nav.finance", "/finance"));
        if (user.has(Role.MANAGER) || user.seesEveryone()) nav.add(new NavItem("nav.reports", "/reports"));
        if (user.personId() != null || user.seesEveryone()) nav.add(new NavItem("nav.activity", "/activity"));
        if (user.has(Role.ADMIN)) nav.add(new NavItem("nav.integrations", "/integrations"));
        nav.add(new NavItem("nav.tokens", "/account/tokens"));
        return nav;
    }
}
