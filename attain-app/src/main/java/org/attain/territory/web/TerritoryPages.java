package org.attain.territory.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.platform.NotFoundException;
import org.attain.territory.Hierarchy;
import org.attain.territory.Territories;
import org.attain.territory.Territory;
import org.attain.territory.TerritoryAssignments;
import org.attain.territory.TerritoryCreditingPolicies;
import org.attain.territory.TerritoryCreditingPolicy;
import org.attain.territory.TerritoryMember;
import org.attain.territory.TerritoryOverview;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The planners' territory pages: the hierarchy tree with its chart, one territory, and the Unassigned list. */
@Controller
class TerritoryPages {

    private final Territories territories;
    private final TerritoryOverview overview;
    private final TerritoryAssignments assignments;
    private final TerritoryCreditingPolicies policies;
    private final Clock clock;

    TerritoryPages(
            Territories territories,
            TerritoryOverview overview,
            TerritoryAssignments assignments,
            TerritoryCreditingPolicies policies,
            Clock clock) {
        this.policies = policies;
        this.territories = territories;
        this.overview = overview;
        this.assignments = assignments;
        this.clock = clock;
    }

    @GetMapping("/territories")
    String list(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) Long hierarchy,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        Planners.only(user);
        LocalDate day = date == null ? LocalDate.now(clock) : date;
        List<Hierarchy> all = territories.hierarchies();
        Hierarchy shown = all.stream()
                .filter(h -> hierarchy == null || h.id() == hierarchy)
                .findFirst()
                .orElse(null);
        model.addAttribute("hierarchies", all);
        model.addAttribute("hierarchy", shown);
        model.addAttribute("date", day);
        List<TerritoryOverview.Node> tree = shown == null ? List.of() : overview.tree(shown.id(), day);
        model.addAttribute("tree", tree);
        model.addAttribute(
                "unassigned",
                shown == null ? 0 : assignments.unassigned(day, shown.id()).size());
        model.addAttribute("chart", treemap(tree));
        TerritoryCreditingPolicy policy = policies.current();
        model.addAttribute("policy", policy);
        if (!model.containsAttribute("policyForm")) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("enabled", Boolean.toString(policy.enabled()));
            form.put("hierarchy", policy.hierarchyCode() == null ? "" : policy.hierarchyCode());
            form.put("precedence", policy.precedenceText());
            form.put("primaryOnce", Boolean.toString(policy.primaryOnce()));
            model.addAttribute("policyForm", form);
            model.addAttribute("policyErrors", Map.of());
        }
        model.addAttribute("precedences", List.of("territory,owner", "owner,territory", "territory", "owner"));
        return "territory/list";
    }

    @GetMapping("/territories/{id}")
    String detail(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        Planners.only(user);
        Territory t = territories.find(id).orElseThrow(() -> new NotFoundException("territory", id));
        LocalDate day = date == null ? LocalDate.now(clock) : date;
        model.addAttribute("t", t);
        model.addAttribute("date", day);
        model.addAttribute("rules", territories.rules(id));
        List<TerritoryMember> members = territories.members(id);
        model.addAttribute("members", members);
        model.addAttribute("accounts", overview.accounts(t, day));
        model.addAttribute(
                "children",
                territories.all(t.hierarchyId()).stream()
                        .filter(c -> Long.valueOf(id).equals(c.parentId()))
                        .toList());
        return "territory/detail";
    }

    @GetMapping("/territories/unassigned")
    String unassigned(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) Long hierarchy,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Model model) {
        Planners.only(user);
        LocalDate day = date == null ? LocalDate.now(clock) : date;
        List<Hierarchy> all = territories.hierarchies();
        Hierarchy shown = all.stream()
                .filter(h -> hierarchy == null || h.id() == hierarchy)
                .findFirst()
                .orElse(null);
        model.addAttribute("hierarchies", all);
        model.addAttribute("hierarchy", shown);
        model.addAttribute("date", day);
        // Which accounts no rule claims is decided by the assignment query over every rule, so the page is cut here.
        List<TerritoryAssignments.Unassigned> unassigned =
                shown == null ? List.of() : assignments.unassigned(day, shown.id());
        String text = org.attain.platform.SearchText.of(q).toLowerCase(java.util.Locale.ROOT);
        List<TerritoryAssignments.Unassigned> found = text.isEmpty()
                ? unassigned
                : unassigned.stream()
                        .filter(a -> (a.externalId() + " " + a.name() + " " + a.country() + " " + a.postalCode() + " "
                                        + a.industry())
                                .toLowerCase(java.util.Locale.ROOT)
                                .contains(text))
                        .toList();
        var asked = org.attain.platform.PageRequest.of(page, size);
        int from = (int) Math.min(asked.offset(), found.size());
        var paged = org.attain.platform.Paged.of(
                found.subList(from, Math.min(from + asked.size(), found.size())), asked, found.size());
        model.addAttribute("accounts", paged.items());
        model.addAttribute("accountsPage", paged);
        model.addAttribute("unassignedCount", unassigned.size());
        model.addAttribute("q", q);
        model.addAttribute("targets", shown == null ? List.of() : territories.inForce(shown.id(), day));
        return "territory/unassigned";
    }

    /**
     * The treemap's data: the tree nested, each leaf sized by its own accounts (a parent's own accounts are a leaf
     * of their own), with employees as potential for the tooltip.
     */
    static List<Map<String, Object>> treemap(List<TerritoryOverview.Node> tree) {
        Map<Long, Map<String, Object>> byId = new HashMap<>();
        List<Map<String, Object>> roots = new ArrayList<>();
        for (TerritoryOverview.Node n : tree) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", n.territory().name());
            item.put("code", n.territory().code());
            item.put("accounts", n.accounts());
            item.put("employees", n.employees());
            item.put("value", n.accounts());
            item.put("children", new ArrayList<Map<String, Object>>());
            byId.put(n.territory().id(), item);
            Map<String, Object> parent = n.territory().parentId() == null
                    ? null
                    : byId.get(n.territory().parentId());
            if (parent == null) {
                roots.add(item);
            } else {
                children(parent).add(item);
            }
        }
        byId.values().forEach(item -> {
            if (children(item).isEmpty()) {
                item.remove("children");
            }
        });
        return roots;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> children(Map<String, Object> item) {
        return (List<Map<String, Object>>) item.get("children");
    }
}
