package org.attain.home.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.SmartView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The page chrome every page gets: who is logged in and the navigation their roles allow.
 *
 * <p>Added after the handler, to responses that render a view (not to redirects, forwards or REST
 * bodies), rather than as a {@code @ModelAttribute} of a {@code @ControllerAdvice}: Spring decides an
 * advice's reach by an annotation look-up on every request and builds its model method anew each
 * time, for the API too; under 50 users that was about a tenth of the application's CPU. A value the
 * handler put in the model itself is left alone.
 */
@Component
class Shell implements HandlerInterceptor, WebMvcConfigurer {

    /** A navigation entry: message key and link. */
    public record NavItem(String key, String href) {}

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
        if (mav == null || !rendersPage(mav)) {
            return;
        }
        Map<String, Object> model = mav.getModel();
        model.putIfAbsent("currentPath", request.getRequestURI());
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AttainUser user) {
            model.putIfAbsent("me", user);
            model.putIfAbsent("nav", navFor(user));
        }
    }

    private static boolean rendersPage(ModelAndView mav) {
        if (mav.wasCleared()) {
            return false;
        }
        String name = mav.getViewName();
        if (name != null) {
            return !name.startsWith("redirect:") && !name.startsWith("forward:");
        }
        return !(mav.getView() instanceof SmartView smart && smart.isRedirectView());
    }

    static List<NavItem> navFor(AttainUser user) {
        List<NavItem> nav = new ArrayList<>();
        nav.add(new NavItem("nav.home", "/"));
        if (user.personId() != null) {
            nav.add(new NavItem("nav.profile", "/people/" + user.personId()));
            if (user.has(Role.REP) || user.has(Role.MANAGER)) {
                nav.add(new NavItem("nav.statement", "/people/" + user.personId() + "/statement"));
            }
            if (user.has(Role.REP)) {
                nav.add(new NavItem("nav.standing", "/standing"));
            }
        }
        if (user.has(Role.MANAGER)) {
            nav.add(new NavItem("nav.team", "/team"));
        }
        if (user.personId() != null || user.seesEveryone()) {
            nav.add(new NavItem("nav.performance", "/insights"));
            nav.add(new NavItem("nav.coaching", "/coaching"));
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
        if (user.has(Role.ADMIN) || user.has(Role.COMP_ADMIN) || user.has(Role.MANAGER)) {
            nav.add(new NavItem("nav.planning", "/planning/quotas"));
        }
        if (user.has(Role.ADMIN) || user.has(Role.COMP_ADMIN)) {
            nav.add(new NavItem("nav.imports", "/imports"));
            nav.add(new NavItem("nav.territories", "/territories"));
            nav.add(new NavItem("nav.audit", "/admin/audit"));
            nav.add(new NavItem("nav.capacity", "/planning/capacity"));
        }
        if (user.personId() != null || user.seesEveryone()) {
            nav.add(new NavItem("nav.disputes", "/disputes"));
        }
        if (user.has(Role.MANAGER) || user.seesEveryone()) {
            nav.add(new NavItem("nav.approvals", "/approvals"));
        }
        if (user.seesEveryone()) {
            nav.add(new NavItem("nav.finance", "/finance"));
        }
        if (user.has(Role.MANAGER) || user.seesEveryone()) {
            nav.add(new NavItem("nav.forecast", "/forecast"));
        }
        if (user.has(Role.FINANCE) || user.has(Role.ADMIN)) {
            nav.add(new NavItem("nav.commissionExpense", "/finance/commission-expense"));
        }
        if (user.has(Role.FINANCE) || user.has(Role.ADMIN) || user.has(Role.MANAGER)) {
            nav.add(new NavItem("nav.budget", "/budgets"));
        }
        if (user.has(Role.FINANCE) || user.has(Role.ADMIN)) {
            nav.add(new NavItem("nav.executive", "/executive"));
        }
        if (user.has(Role.MANAGER) || user.seesEveryone()) {
            nav.add(new NavItem("nav.reports", "/reports"));
        }
        if (user.personId() != null || user.seesEveryone()) {
            nav.add(new NavItem("nav.activity", "/activity"));
        }
        if (user.personId() != null || user.has(Role.ADMIN) || user.has(Role.COMP_ADMIN) || user.has(Role.MANAGER)) {
            nav.add(new NavItem("nav.pulse", "/pulse"));
        }
        if (user.personId() != null || user.seesEveryone() || user.has(Role.MANAGER)) {
            nav.add(new NavItem("nav.game", "/game"));
        }
        if (user.has(Role.ADMIN)) {
            nav.add(new NavItem("nav.integrations", "/integrations"));
        }
        nav.add(new NavItem("nav.tokens", "/account/tokens"));
        return nav;
    }
}
