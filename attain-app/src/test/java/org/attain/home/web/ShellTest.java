package org.attain.home.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.junit.jupiter.api.Test;

/** The header's menus per role, every link of the flat list still in a menu, and the current page marked. */
class ShellTest {

    private static AttainUser user(Long personId, Role... roles) {
        return new AttainUser(1, "u", null, personId, Set.of(roles), true, Set.of());
    }

    private static List<String> menus(AttainUser user, String path) {
        return Shell.grouped(Shell.navFor(user), path).menus().stream()
                .map(Shell.Menu::id)
                .toList();
    }

    @Test
    void eachRoleSeesOnlyTheMenusItHasItemsIn() {
        assertThat(menus(user(7L, Role.REP), "/")).containsExactly("pay", "team");
        assertThat(menus(user(8L, Role.MANAGER), "/")).containsExactly("pay", "team", "plans", "data", "finance");
        assertThat(menus(user(null, Role.FINANCE), "/")).containsExactly("pay", "team", "plans", "data", "finance");
        assertThat(menus(user(null, Role.COMP_ADMIN), "/"))
                .containsExactly("pay", "team", "plans", "data", "finance", "admin");
        assertThat(menus(user(null, Role.ADMIN), "/"))
                .containsExactly("pay", "team", "plans", "data", "finance", "admin");
    }

    @Test
    void everyLinkOfTheRoleIsInAMenuOrBesideThem() {
        for (AttainUser user : List.of(
                user(7L, Role.REP),
                user(8L, Role.MANAGER),
                user(null, Role.FINANCE),
                user(null, Role.COMP_ADMIN),
                user(9L, Role.ADMIN))) {
            Shell.Nav nav = Shell.grouped(Shell.navFor(user), "/");
            List<String> shown = Stream.concat(
                            Stream.of(nav.home()),
                            Stream.concat(nav.menus().stream(), Stream.ofNullable(nav.account()))
                                    .flatMap(m -> m.links().stream()))
                    .map(Shell.Link::href)
                    .toList();
            assertThat(shown)
                    .containsExactlyInAnyOrderElementsOf(
                            Shell.navFor(user).stream().map(Shell.NavItem::href).toList());
        }
    }

    @Test
    void theCurrentPageAndItsMenuAreMarkedByTheLongestMatchingLink() {
        Shell.Nav nav = Shell.grouped(Shell.navFor(user(7L, Role.REP)), "/people/7/statement");
        Shell.Menu pay = nav.menus().get(0);
        assertThat(pay.current()).isTrue();
        assertThat(pay.links().stream().filter(Shell.Link::current).map(Shell.Link::href))
                .containsExactly("/people/7/statement");
        assertThat(nav.account().current()).isFalse();
        assertThat(nav.home().current()).isFalse();

        Shell.Nav plan = Shell.grouped(Shell.navFor(user(null, Role.COMP_ADMIN)), "/plans/42/edit");
        assertThat(plan.menus().stream().filter(Shell.Menu::current).map(Shell.Menu::id))
                .containsExactly("plans");
        assertThat(Shell.grouped(Shell.navFor(user(null, Role.COMP_ADMIN)), "/")
                        .home()
                        .current())
                .isTrue();
    }
}
