package org.attain.executive.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.attain.executive.ExecutiveSummary;
import org.attain.platform.FieldProblem;
import org.attain.platform.ForbiddenException;
import org.attain.platform.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The executive page for finance and admins (Attain has no separate executive role): one screen, one currency. */
@Controller
class ExecutivePages {

    private final ExecutiveSummary summary;
    private final MessageSource messages;

    ExecutivePages(ExecutiveSummary summary, MessageSource messages) {
        this.summary = summary;
        this.messages = messages;
    }

    @GetMapping("/executive")
    String page(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(defaultValue = "USD") String currency,
            Locale locale,
            Model model) {
        ExecutiveSummary.Summary s = summary.summary(mustSee(user), currency(currency));
        model.addAttribute("s", s);
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("currency", s.currency());
        chart.put(
                "quarters",
                s.quarters().stream().map(ExecutiveSummary.Quarter::period).toList());
        chart.put(
                "bookings",
                s.quarters().stream().map(ExecutiveSummary.Quarter::bookings).toList());
        chart.put(
                "target",
                s.quarters().stream().map(ExecutiveSummary.Quarter::target).toList());
        chart.put("bookingsName", messages.getMessage("executive.bookings", null, locale));
        chart.put("targetName", messages.getMessage("executive.target", null, locale));
        List<ExecutiveSummary.BudgetLine> money =
                s.budget().stream().filter(b -> b.category().isMoney()).toList();
        chart.put(
                "categories",
                money.stream()
                        .map(b -> messages.getMessage("budget.category." + b.category(), null, locale))
                        .toList());
        chart.put(
                "budget",
                money.stream().map(ExecutiveSummary.BudgetLine::budget).toList());
        chart.put(
                "actual",
                money.stream().map(ExecutiveSummary.BudgetLine::actual).toList());
        chart.put("budgetName", messages.getMessage("budget.col.budget", null, locale));
        chart.put("actualName", messages.getMessage("budget.col.actual", null, locale));
        // Issue 21.4: each chart's numbers as a table view below it, series in the chart's order.
        chart.put("bookingsTableNames", List.of(chart.get("bookingsName"), chart.get("targetName")));
        chart.put("bookingsTableValues", List.of(chart.get("bookings"), chart.get("target")));
        chart.put("budgetTableNames", List.of(chart.get("actualName"), chart.get("budgetName")));
        chart.put("budgetTableValues", List.of(chart.get("actual"), chart.get("budget")));
        model.addAttribute("chart", chart);
        return "executive/executive";
    }

    @GetMapping("/api/v1/executive")
    @ResponseBody
    ExecutiveSummary.Summary api(
            @AuthenticationPrincipal AttainUser user, @RequestParam(defaultValue = "USD") String currency) {
        return summary.summary(mustSee(user), currency(currency));
    }

    private static AttainUser mustSee(AttainUser user) {
        if (!user.has(Role.FINANCE) && !user.has(Role.ADMIN)) {
            throw new ForbiddenException("The executive page is for finance and admins.");
        }
        return user;
    }

    private static String currency(String text) {
        String c = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        if (!c.matches("[A-Z]{3}")) {
            throw new InvalidInputException(
                    new FieldProblem("currency", "executive.error.currency", "is a three-letter code such as USD"));
        }
        return c;
    }
}
