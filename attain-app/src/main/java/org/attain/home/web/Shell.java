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

    /** A navigation entry: message key, link and the menu it is in (null: beside the menus, e.g. Home). */
    public record NavItem(String key, String href, Group group) {

        NavItem(String key, String href) {
            this(key, href, null);
        }
    }

    /**
     * The menus, in the order shown: a role sees a menu only when it has an item in it. {@link #ACCOUNT} (profile,
     * API tokens) sits with the user's name, not in the bar.
     */
    public enum Group {
        PAY("nav.group.pay"),
        TEAM("nav.group.team"),
        PLANS("nav.group.plans"),
        DATA("nav.group.data"),
        FINANCE("nav.group.finance"),
        ADMIN("nav.group.admin"),
        ACCOUNT("nav.group.account");

        private final String key;

        Group(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** A shown link; {@code current} when it is the page being looked at (marked aria-current="page"). */
    public record Link(String key, String href, boolean current) {}

    /** A disclosure menu; {@code current} when the page being looked at is one of its links. */
    public record Menu(String id, String key, List<Link> links, boolean current) {}

    /** What the header shows: Home, the role's menus, and the account menu (possibly empty). */
    public record Nav(Link home, List<Menu> menus, Menu account) {}

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
            model.putIfAbsent("nav", navOf(user, request.getRequestURI()));
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

    private record NavKey(java.util.Set<Role> roles, Long personId, String path) {}

    private final Map<NavKey, Nav> navs = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The navigation for these roles, person and page: one instance per such triple, so a kept page's model
     * (RenderedPages) finds it the very same object instead of comparing every menu and link on every request.
     */
    Nav navOf(AttainUser user, String path) {
        NavKey key = new NavKey(java.util.Set.copyOf(user.roles()), user.personId(), path);
        Nav nav = navs.get(key);
        if (nav == null) {
            if (navs.size() > 10_000) {
                navs.clear(); // bounded: page paths carry ids, so the number of keys is open-ended
            }
            nav = grouped(navFor(user), path);
            navs.put(key, nav);
        }
        return nav;
    }

    static List<NavItem> navFor(AttainUser user) {
        List<NavItem> nav = new ArrayList<>();
        nav.add(new NavItem("nav.home", "/"));
        if (user.personId() != null) {
            nav.add(new NavItem("nav.profile", "/people/" + user.personId(), Group.ACCOUNT));
            if (user.has(Role.REP) || user.has(Role.MANAGER)) {
                nav.add(new NavItem("nav.statement", "/people/" + user.personId() + "/statement", Group.PAY));
            }
            if (user.has(Role.REP)) {
                nav.add(new NavItem("nav.standing", "/standing", Group.PAY));
            }
        }
        if (user.has(Role.MANAGER)) {
            nav.add(new NavItem("nav.team", "/team", Group.TEAM));
        }
        if (user.personId() != null || user.seesEveryone()) {
            nav.add(new NavItem("nav.performance", "/insights", Group.TEAM));
            nav.add(new NavItem("nav.coaching", "/coaching", Group.TEAM));
        }
        if (user.has(Role.MANAGER) || user.seesEveryone()) {
            nav.add(new NavItem("nav.people", "/people", Group.TEAM));
            // managers score their reports' MBO objectives there
            nav.add(new NavItem("nav.objectives", "/objectives", Group.TEAM));
        }
        if (user.seesEveryone()) {
            nav.add(new NavItem("nav.teams", "/teams", Group.TEAM));
            nav.add(new NavItem("nav.plans", "/plans", Group.PLANS));
            nav.add(new NavItem("nav.runs", "/runs", Group.PAY));
            nav.add(new NavItem("nav.quotas", "/quotas", Group.PLANS));
            nav.add(new NavItem("nav.targetIncentives", "/target-incentives", Group.PLANS));
            nav.add(new NavItem("nav.periods", "/periods", Group.PAY));
        }
        if (user.has(Role.ADMIN) || user.has(Role.COMP_ADMIN) || user.has(Role.MANAGER)) {
            nav.add(new NavItem("nav.planning", "/planning/quotas", Group.PLANS));
        }
        if (user.has(Role.ADMIN) || user.has(Role.COMP_ADMIN)) {
            nav.add(new NavItem("nav.imports", "/imports", Group.DATA));
            nav.add(new NavItem("nav.territories", "/territories", Group.PLANS));
            nav.add(new NavItem("nav.audit", "/admin/audit", Group.ADMIN));
            nav.add(new NavItem("nav.capacity", "/planning/capacity", Group.PLANS));
            nav.add(new NavItem("nav.approvalChains", "/approvals/chains", Group.ADMIN)); // issue 21.8
        }
        if (user.personId() != null || user.seesEveryone()) {
            nav.add(new NavItem("nav.disputes", "/disputes", Group.PAY));
        }
        if (user.has(Role.MANAGER) || user.seesEveryone()) {
            nav.add(new NavItem("nav.approvals", "/approvals", Group.PAY));
        }
        if (user.seesEveryone()) {
            nav.add(new NavItem("nav.finance", "/finance", Group.FINANCE));
        }
        if (user.has(Role.MANAGER) || user.seesEveryone()) {
            nav.add(new NavItem("nav.forecast", "/forecast", Group.FINANCE));
        }
        if (user.has(Role.FINANCE) || user.has(Role.ADMIN)) {
            nav.add(new NavItem("nav.commissionExpense", "/finance/commission-expense", Group.FINANCE));
        }
        if (user.has(Role.FINANCE) || user.has(Role.ADMIN) || user.has(Role.MANAGER)) {
            nav.add(new NavItem("nav.budget", "/budgets", Group.FINANCE));
        }
        if (user.has(Role.FINANCE) || user.has(Role.ADMIN)) {
            nav.add(new NavItem("nav.executive", "/executive", Group.FINANCE));
        }
        if (user.has(Role.MANAGER) || user.seesEveryone()) {
            nav.add(new NavItem("nav.reports", "/reports", Group.DATA));
        }
        if (user.personId() != null || user.seesEveryone()) {
            nav.add(new NavItem("nav.activity", "/activity", Group.TEAM));
        }
        if (user.personId() != null || user.has(Role.ADMIN) || user.has(Role.COMP_ADMIN) || user.has(Role.MANAGER)) {
            nav.add(new NavItem("nav.pulse", "/pulse", Group.TEAM));
        }
        if (user.personId() != null || user.seesEveryone() || user.has(Role.MANAGER)) {
            nav.add(new NavItem("nav.game", "/game", Group.TEAM));
        }
        if (user.has(Role.ADMIN)) {
            nav.add(new NavItem("nav.integrations", "/integrations", Group.ADMIN));
        }
        nav.add(new NavItem("nav.tokens", "/account/tokens", Group.ACCOUNT));
        return nav;
    }

    /**
     * The items as menus in {@link Group} order (items keep their order inside a menu), with the page being looked at
     * marked: the item whose link is the longest match of the path (a plan's page marks Plans), and its menu.
     */
    static Nav grouped(List<NavItem> items, String path) {
        NavItem currentItem = null;
        for (NavItem item : items) {
            if (matches(item.href(), path)
                    && (currentItem == null
                            || item.href().length() > currentItem.href().length())) {
                currentItem = item;
            }
        }
        Link home = null;
        Map<Group, List<Link>> byGroup = new java.util.EnumMap<>(Group.class);
        Map<Group, Boolean> current = new java.util.EnumMap<>(Group.class);
        for (NavItem item : items) {
            Link link = new Link(item.key(), item.href(), item == currentItem);
            if (item.group() == null) {
                home = link;
            } else {
                byGroup.computeIfAbsent(item.group(), g -> new ArrayList<>()).add(link);
                current.merge(item.group(), link.current(), Boolean::logicalOr);
            }
        }
        List<Menu> menus = new ArrayList<>();
        Menu account = null;
        for (Map.Entry<Group, List<Link>> e : byGroup.entrySet()) {
            Group g = e.getKey();
            Menu menu = new Menu(
                    g.name().toLowerCase(java.util.Locale.ROOT), g.key(), List.copyOf(e.getValue()), current.get(g));
            if (g == Group.ACCOUNT) {
                account = menu;
            } else {
                menus.add(menu);
            }
        }
        return new Nav(home, List.copyOf(menus), account);
    }

    /** Home only on itself; any other link on itself and on the pages below it ("/plans" on "/plans/7"). */
    private static boolean matches(String href, String path) {
        if (path == null) {
            return false;
        }
        if (href.equals("/")) {
            return path.equals("/");
        }
        return path.equals(href) || path.startsWith(href + "/");
    }
}
