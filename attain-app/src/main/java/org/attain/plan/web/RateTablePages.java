package org.attain.plan.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.attain.plan.PlanRejectedException;
import org.attain.plan.Plans;
import org.attain.plan.RateTables;
import org.attain.platform.FieldProblem;
import org.attain.platform.ForbiddenException;
import org.attain.platform.InvalidInputException;
import org.attain.platform.LocaleNumbers;
import org.attain.platform.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A plan's rate tables edited as tables on the plan page (loaded into it by htmx): a row per line with a cell per
 * key and the rate; saving writes the rows into the plan document and publishes it as a new version.
 */
@Controller
class RateTablePages {

    /** Empty rows under a table, for adding rows. */
    static final int SPARE_ROWS = 2;

    private final RateTables tables;
    private final ProblemTexts texts;
    private final MessageSource messages;

    RateTablePages(RateTables tables, ProblemTexts texts, MessageSource messages) {
        this.tables = tables;
        this.texts = texts;
        this.messages = messages;
    }

    @GetMapping("/plans/{key}/rate-tables")
    String show(@AuthenticationPrincipal AttainUser user, @PathVariable String key, Locale locale, Model model) {
        if (!user.seesEveryone()) {
            throw new ForbiddenException("Plans are for the back office.");
        }
        return fragment(key, tables.of(key), null, List.of(), locale, model, user);
    }

    @PostMapping("/plans/{key}/rate-tables/{component}")
    String save(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable String key,
            @PathVariable String component,
            @RequestParam(name = "cell", required = false) List<String> cells,
            @RequestParam(name = "rate", required = false) List<String> rates,
            @RequestParam(name = "remove", required = false) List<Integer> remove,
            Locale locale,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (!user.has(Role.ADMIN) && !user.has(Role.COMP_ADMIN)) {
            throw new ForbiddenException("Only admins and comp admins edit plans.");
        }
        RateTables.Table table = tables.of(key).stream()
                .filter(t -> t.component().equals(component))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("rate table", component));
        int width = table.keys().size();
        List<String> given = cells == null ? List.of() : cells;
        List<String> typedRates = rates == null ? List.of() : rates;
        List<RateTables.Row> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < typedRates.size(); i++) {
            List<String> rowCells = new ArrayList<>();
            for (int k = 0; k < width; k++) {
                int at = i * width + k;
                rowCells.add(
                        at < given.size() && given.get(at) != null
                                ? given.get(at).strip()
                                : "");
            }
            String rate = typedRates.get(i) == null ? "" : typedRates.get(i).strip();
            boolean blank = rate.isEmpty() && rowCells.stream().allMatch(String::isEmpty);
            if (blank || (remove != null && remove.contains(i + 1))) {
                continue;
            }
            if (rowCells.stream().anyMatch(String::isEmpty)) {
                problems.add(messages.getMessage("plans.rateTable.emptyCell", new Object[] {i + 1}, locale));
                continue;
            }
            var number = LocaleNumbers.parse(rate, locale);
            if (number.isEmpty()) {
                problems.add(messages.getMessage("plans.rateTable.badRate", new Object[] {i + 1, rate}, locale));
                continue;
            }
            rows.add(new RateTables.Row(rowCells, number.get()));
        }
        RateTables.Table typed = new RateTables.Table(component, table.keys(), rows);
        if (!problems.isEmpty()) {
            return fragment(key, replace(key, typed), component, problems, locale, model, user);
        }
        try {
            Plans.PlanVersion saved = tables.save(key, component, rows, user.getUsername());
            String target = request.getContextPath() + "/plans/" + saved.planKey();
            FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
            flash.put("notice", "plans.publishedVersion");
            flash.put("version", saved.version());
            flash.setTargetRequestPath(target);
            RequestContextUtils.saveOutputFlashMap(target, request, response);
            if (request.getHeader("HX-Request") != null) {
                response.setHeader("HX-Redirect", target);
                return fragment(key, tables.of(key), null, List.of(), locale, model, user);
            }
            return "redirect:/plans/" + saved.planKey();
        } catch (PlanRejectedException e) {
            texts.localized(e.problems(), locale)
                    .forEach(p -> problems.add(messages.getMessage(
                            "plans.problemAt", new Object[] {p.line(), p.column(), p.reason()}, locale)));
        } catch (InvalidInputException e) {
            for (FieldProblem p : e.problems()) {
                problems.add(messages.getMessage(p.code(), null, p.reason(), locale));
            }
        }
        return fragment(key, replace(key, typed), component, problems, locale, model, user);
    }

    /** The plan's tables with the one being edited as typed, so a refused save keeps what the author wrote. */
    private List<RateTables.Table> replace(String key, RateTables.Table typed) {
        return tables.of(key).stream()
                .map(t -> t.component().equals(typed.component()) ? typed : t)
                .toList();
    }

    private String fragment(
            String key,
            List<RateTables.Table> shown,
            String failed,
            List<String> problems,
            Locale locale,
            Model model,
            AttainUser user) {
        Map<String, List<String>> rateText = new HashMap<>();
        shown.forEach(t -> rateText.put(
                t.component(),
                t.rows().stream()
                        .map(r -> LocaleNumbers.format(r.rate(), locale))
                        .toList()));
        model.addAttribute("key", key);
        model.addAttribute("rateTables", shown);
        model.addAttribute("rateText", rateText);
        model.addAttribute("spare", SPARE_ROWS);
        model.addAttribute("failed", failed);
        model.addAttribute("tableProblems", problems);
        model.addAttribute("canEdit", user.has(Role.ADMIN) || user.has(Role.COMP_ADMIN));
        return "plan/rate-tables :: tables";
    }
}
