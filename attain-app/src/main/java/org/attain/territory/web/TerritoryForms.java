package org.attain.territory.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.platform.NotFoundException;
import org.attain.territory.Level;
import org.attain.territory.MemberRole;
import org.attain.territory.Territories;
import org.attain.territory.Territory;
import org.attain.territory.TerritoryChanges;
import org.attain.territory.TerritoryMember;
import org.attain.territory.TerritoryRefused;
import org.attain.territory.TerritoryRule;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Forms to add and change territories, rules and members. A refused form comes back with what was typed and a
 * message per field in the page's language; nothing of it was saved.
 */
@Controller
class TerritoryForms {

    private final Territories territories;
    private final TerritoryChanges changes;
    private final MessageSource messages;
    private final Clock clock;

    TerritoryForms(Territories territories, TerritoryChanges changes, MessageSource messages, Clock clock) {
        this.territories = territories;
        this.changes = changes;
        this.messages = messages;
        this.clock = clock;
    }

    // Territories

    @GetMapping("/territories/new")
    String newTerritory(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) Long parent,
            @RequestParam(required = false) Long hierarchy,
            Model model) {
        Planners.only(user);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("validFrom", LocalDate.now(clock).toString());
        territories.hierarchies().stream()
                .filter(h -> hierarchy == null || h.id() == hierarchy)
                .findFirst()
                .ifPresent(h -> form.put("hierarchyId", Long.toString(h.id())));
        if (parent != null) {
            territories.find(parent).ifPresent(p -> {
                form.put("parentId", Long.toString(p.id()));
                form.put("hierarchyId", Long.toString(p.hierarchyId()));
                form.put(
                        "level",
                        p.level().childLevel() == null
                                ? ""
                                : p.level().childLevel().name());
            });
        }
        return territoryForm(null, form, Map.of(), model);
    }

    @GetMapping("/territories/{id}/edit")
    String editTerritory(@AuthenticationPrincipal AttainUser user, @PathVariable long id, Model model) {
        Planners.only(user);
        Territory t = found(id);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("hierarchyId", Long.toString(t.hierarchyId()));
        form.put("code", t.code());
        form.put("name", t.name());
        form.put("level", t.level().name());
        form.put("parentId", t.parentId() == null ? "" : t.parentId().toString());
        form.put("validFrom", t.validFrom().toString());
        form.put("validUntil", t.validUntil() == null ? "" : t.validUntil().toString());
        return territoryForm(t, form, Map.of(), model);
    }

    @PostMapping({"/territories", "/territories/{id}"})
    String saveTerritory(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable(required = false) Long id,
            @RequestParam Map<String, String> typed,
            Locale locale,
            Model model,
            RedirectAttributes flash) {
        Planners.only(user);
        Territory old = id == null ? null : found(id);
        FormValues form = new FormValues(typed);
        try {
            Level level = form.text("level") == null ? null : Level.valueOf(form.text("level"));
            var input = new TerritoryChanges.TerritoryInput(
                    form.id("hierarchyId"),
                    form.text("code"),
                    form.text("name"),
                    level,
                    form.id("parentId"),
                    form.date("validFrom"),
                    form.date("validUntil"));
            form.throwIfUnreadable();
            Territory saved = old == null
                    ? changes.createTerritory(input, user.getUsername())
                    : changes.updateTerritory(old.id(), input, user.getUsername());
            flash.addFlashAttribute("notice", "territory.saved");
            return "redirect:/territories/" + saved.id();
        } catch (TerritoryRefused e) {
            return territoryForm(old, form.typed(), FormValues.messages(e, messages, locale), model);
        }
    }

    private String territoryForm(Territory t, Map<String, String> form, Map<String, String> errors, Model model) {
        model.addAttribute("t", t);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("hierarchies", territories.hierarchies());
        model.addAttribute("levels", Level.values());
        model.addAttribute(
                "parents",
                territories.all(null).stream()
                        .filter(p -> p.level() != Level.TERRITORY)
                        .filter(p -> t == null || p.id() != t.id())
                        .toList());
        return "territory/form";
    }

    // Rules

    @GetMapping("/territories/{id}/rules/new")
    String newRule(@AuthenticationPrincipal AttainUser user, @PathVariable long id, Model model) {
        Planners.only(user);
        Territory t = found(id);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("precedence", "100");
        form.put("validFrom", t.validFrom().toString());
        return ruleForm(t, null, form, Map.of(), model);
    }

    @GetMapping("/territories/{id}/rules/{ruleId}/edit")
    String editRule(
            @AuthenticationPrincipal AttainUser user, @PathVariable long id, @PathVariable long ruleId, Model model) {
        Planners.only(user);
        Territory t = found(id);
        TerritoryRule r = territories
                .rule(ruleId)
                .filter(x -> x.territoryId() == id)
                .orElseThrow(() -> new NotFoundException("rule", ruleId));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("precedence", Integer.toString(r.precedence()));
        form.put("countries", String.join(", ", r.countries()));
        form.put("postalFrom", r.postalFrom() == null ? "" : r.postalFrom());
        form.put("postalTo", r.postalTo() == null ? "" : r.postalTo());
        form.put("industries", String.join(", ", r.industries()));
        form.put("sizeBands", String.join(", ", r.sizeBands()));
        form.put("accounts", String.join(", ", r.accountExternalIds()));
        form.put("validFrom", r.validFrom().toString());
        form.put("validUntil", r.validUntil() == null ? "" : r.validUntil().toString());
        return ruleForm(t, r, form, Map.of(), model);
    }

    @PostMapping({"/territories/{id}/rules", "/territories/{id}/rules/{ruleId}"})
    String saveRule(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @PathVariable(required = false) Long ruleId,
            @RequestParam Map<String, String> typed,
            Locale locale,
            Model model,
            RedirectAttributes flash) {
        Planners.only(user);
        Territory t = found(id);
        FormValues form = new FormValues(typed);
        try {
            var input = new TerritoryChanges.RuleInput(
                    form.number("precedence"),
                    form.list("countries"),
                    form.text("postalFrom"),
                    form.text("postalTo"),
                    form.list("industries"),
                    form.list("sizeBands"),
                    form.list("accounts"),
                    form.date("validFrom"),
                    form.date("validUntil"));
            form.throwIfUnreadable();
            if (ruleId == null) {
                changes.addRule(id, input, user.getUsername());
            } else {
                changes.updateRule(id, ruleId, input, user.getUsername());
            }
            flash.addFlashAttribute("notice", "territory.rule.saved");
            return "redirect:/territories/" + id;
        } catch (TerritoryRefused e) {
            TerritoryRule r = ruleId == null ? null : territories.rule(ruleId).orElse(null);
            return ruleForm(t, r, form.typed(), FormValues.messages(e, messages, locale), model);
        }
    }

    @PostMapping("/territories/{id}/rules/{ruleId}/delete")
    String deleteRule(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @PathVariable long ruleId,
            RedirectAttributes flash) {
        Planners.only(user);
        changes.deleteRule(id, ruleId, user.getUsername());
        flash.addFlashAttribute("notice", "territory.rule.deleted");
        return "redirect:/territories/" + id;
    }

    private String ruleForm(
            Territory t, TerritoryRule r, Map<String, String> form, Map<String, String> errors, Model model) {
        model.addAttribute("t", t);
        model.addAttribute("rule", r);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "territory/rule-form";
    }

    // Members

    @GetMapping("/territories/{id}/members/new")
    String newMember(@AuthenticationPrincipal AttainUser user, @PathVariable long id, Model model) {
        Planners.only(user);
        Territory t = found(id);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("role", MemberRole.OWNER.name());
        LocalDate today = LocalDate.now(clock);
        form.put("validFrom", (today.isBefore(t.validFrom()) ? t.validFrom() : today).toString());
        return memberForm(t, null, form, Map.of(), model);
    }

    @GetMapping("/territories/{id}/members/{memberId}/edit")
    String editMember(
            @AuthenticationPrincipal AttainUser user, @PathVariable long id, @PathVariable long memberId, Model model) {
        Planners.only(user);
        Territory t = found(id);
        TerritoryMember m = territories
                .member(memberId)
                .filter(x -> x.territoryId() == id)
                .orElseThrow(() -> new NotFoundException("member", memberId));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("person", m.employeeId() == null ? Long.toString(m.personId()) : m.employeeId());
        form.put("role", m.role().name());
        form.put("validFrom", m.validFrom().toString());
        form.put("validUntil", m.validUntil() == null ? "" : m.validUntil().toString());
        return memberForm(t, m, form, Map.of(), model);
    }

    @PostMapping({"/territories/{id}/members", "/territories/{id}/members/{memberId}"})
    String saveMember(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @PathVariable(required = false) Long memberId,
            @RequestParam Map<String, String> typed,
            Locale locale,
            Model model,
            RedirectAttributes flash) {
        Planners.only(user);
        Territory t = found(id);
        FormValues form = new FormValues(typed);
        try {
            MemberRole role = form.text("role") == null ? null : MemberRole.valueOf(form.text("role"));
            var input = new TerritoryChanges.MemberInput(
                    form.text("person"), role, form.date("validFrom"), form.date("validUntil"));
            form.throwIfUnreadable();
            if (memberId == null) {
                changes.addMember(id, input, user.getUsername());
            } else {
                changes.updateMember(id, memberId, input, user.getUsername());
            }
            flash.addFlashAttribute("notice", "territory.member.saved");
            return "redirect:/territories/" + id;
        } catch (TerritoryRefused e) {
            TerritoryMember m =
                    memberId == null ? null : territories.member(memberId).orElse(null);
            return memberForm(t, m, form.typed(), FormValues.messages(e, messages, locale), model);
        }
    }

    @PostMapping("/territories/{id}/members/{memberId}/delete")
    String deleteMember(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @PathVariable long memberId,
            RedirectAttributes flash) {
        Planners.only(user);
        changes.deleteMember(id, memberId, user.getUsername());
        flash.addFlashAttribute("notice", "territory.member.deleted");
        return "redirect:/territories/" + id;
    }

    private String memberForm(
            Territory t, TerritoryMember m, Map<String, String> form, Map<String, String> errors, Model model) {
        model.addAttribute("t", t);
        model.addAttribute("member", m);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", List.of(MemberRole.values()));
        return "territory/member-form";
    }

    private Territory found(long id) {
        return territories.find(id).orElseThrow(() -> new NotFoundException("territory", id));
    }
}
