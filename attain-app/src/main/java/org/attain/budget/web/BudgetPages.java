package org.attain.budget.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.budget.BudgetCategory;
import org.attain.budget.BudgetCsv;
import org.attain.budget.BudgetReport;
import org.attain.budget.Budgets;
import org.attain.budget.PlanCostModel;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.org.PersonScope;
import org.attain.org.Visibility;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.attain.platform.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The budget page: budget vs actual of a month or quarter per team (table with variance and alerts, chart), the
 * compensation cost of sales per team and role, plan cost at 80/100/120 % for one team; finance sets lines, enters
 * actuals, imports and exports CSV and sets the threshold. A manager reads the teams of their subtree.
 */
@Controller
class BudgetPages {

    private final Budgets budgets;
    private final BudgetReport report;
    private final BudgetCsv csv;
    private final PlanCostModel costModel;
    private final Visibility visibility;
    private final Periods periods;
    private final MessageSource messages;

    BudgetPages(
            Budgets budgets,
            BudgetReport report,
            BudgetCsv csv,
            PlanCostModel costModel,
            Visibility visibility,
            Periods periods,
            MessageSource messages) {
        this.budgets = budgets;
        this.report = report;
        this.csv = csv;
        this.costModel = costModel;
        this.visibility = visibility;
        this.periods = periods;
        this.messages = messages;
    }

    @GetMapping("/budgets")
    String page(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) Long model,
            Locale locale,
            Model m) {
        BudgetAccess.mustRead(user);
        String p = period == null || period.isBlank()
                ? periods.currentSpan(PeriodKind.QUARTER).id()
                : period.strip();
        PersonScope scope = visibility.scopeOf(user);
        BudgetReport.Report r = report.report(p, scope);
        m.addAttribute("report", r);
        m.addAttribute("period", r.period());
        m.addAttribute("canWrite", BudgetAccess.canWrite(user));
        m.addAttribute("teams", report.teams(scope));
        m.addAttribute("categories", BudgetCategory.values());
        m.addAttribute("chart", chart(r, locale));
        if (model != null) {
            try {
                m.addAttribute("model", costModel.model(r.period(), model, scope));
            } catch (InvalidInputException e) {
                m.addAttribute("modelProblems", texts(e.problems(), locale));
            } catch (NotFoundException e) {
                m.addAttribute("modelProblems", texts(List.of(e.problem()), locale));
            }
        }
        return "budget/budget";
    }

    @PostMapping("/budgets/lines")
    String saveLine(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam String period,
            @RequestParam(required = false) Long teamId,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String amount,
            @RequestParam(required = false) String currency,
            @RequestParam(defaultValue = "budget") String kind,
            Locale locale,
            RedirectAttributes redirect) {
        BudgetAccess.mustWrite(user);
        try {
            Budgets.Line line = new Budgets.Line(
                    period, teamId == null ? -1 : teamId, category(category), amount(amount), currency);
            if ("actual".equals(kind)) {
                budgets.saveActual(line, user.getUsername());
            } else {
                budgets.save(line, user.getUsername());
            }
            redirect.addFlashAttribute("notice", messages.getMessage("budget.saved", null, locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", texts(e.problems(), locale));
        }
        redirect.addAttribute("period", period);
        return "redirect:/budgets";
    }

    @PostMapping("/budgets/import")
    String importCsv(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam String period,
            @RequestParam("file") MultipartFile file,
            Locale locale,
            RedirectAttributes redirect)
            throws IOException {
        BudgetAccess.mustWrite(user);
        try {
            BudgetCsv.Imported done =
                    csv.importCsv(new String(file.getBytes(), StandardCharsets.UTF_8), user.getUsername());
            redirect.addFlashAttribute(
                    "notice",
                    messages.getMessage("budget.imported", new Object[] {done.budgets(), done.actuals()}, locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", texts(e.problems(), locale));
        }
        redirect.addAttribute("period", period);
        return "redirect:/budgets";
    }

    @PostMapping("/budgets/settings")
    String saveThreshold(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam String period,
            @RequestParam(required = false) String threshold,
            Locale locale,
            RedirectAttributes redirect) {
        BudgetAccess.mustWrite(user);
        try {
            budgets.setAlertThreshold(decimal("alertThresholdPercent", threshold), user.getUsername());
            redirect.addFlashAttribute("notice", messages.getMessage("budget.thresholdSaved", null, locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", texts(e.problems(), locale));
        }
        redirect.addAttribute("period", period);
        return "redirect:/budgets";
    }

    private static BudgetCategory category(String text) {
        try {
            return BudgetCategory.valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(new FieldProblem(
                    "category", "budget.error.category", "is one of COMPENSATION, HEADCOUNT, MARKETING, OTHER"));
        }
    }

    private static BigDecimal amount(String text) {
        return decimal("amount", text);
    }

    private static BigDecimal decimal(String field, String text) {
        try {
            return new BigDecimal(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(new FieldProblem(
                    field,
                    "alertThresholdPercent".equals(field) ? "budget.error.threshold" : "budget.error.amount",
                    "'" + text + "' is not a number such as 1250.00"));
        }
    }

    private List<String> texts(List<FieldProblem> problems, Locale locale) {
        List<String> out = new ArrayList<>();
        for (FieldProblem p : problems) {
            out.add(p.field() + ": " + messages.getMessage(p.code(), null, p.reason(), locale) + " (" + p.reason()
                    + ")");
        }
        return out;
    }

    /**
     * Budget against actual per team in one currency (issue 21.4 and 21.8): the reporting currency, every amount
     * converted at the period's rate (BudgetReport's {@code reporting}), and the axis says so; an amount without a
     * rate is left out and the page names the currency.
     */
    private Map<String, Object> chart(BudgetReport.Report r, Locale locale) {
        BudgetReport.Reporting x = r.reporting();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("currency", x.currency());
        c.put("axis", messages.getMessage("reporting.axis", new Object[] {x.currency()}, locale));
        c.put("leftOut", x.missingRates().size());
        c.put("teams", x.teams().stream().map(BudgetReport.TeamTotal::team).toList());
        c.put("budgetName", messages.getMessage("budget.col.budget", null, locale));
        c.put("actualName", messages.getMessage("budget.col.actual", null, locale));
        List<BigDecimal> budget =
                x.teams().stream().map(BudgetReport.TeamTotal::budget).toList();
        List<BigDecimal> actual =
                x.teams().stream().map(BudgetReport.TeamTotal::actual).toList();
        c.put("budget", budget);
        c.put("actual", actual);
        // The table view below the chart: one column per series, in the chart's order (actual bars, budget marks).
        c.put("tableNames", List.of(c.get("actualName"), c.get("budgetName")));
        c.put("tableValues", List.of(actual, budget));
        return c;
    }
}
