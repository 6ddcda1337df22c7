package org.attain.expense.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.expense.CommissionExpense;
import org.attain.expense.ExpenseLedger;
import org.attain.expense.JournalEntries;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The commission expense page for finance: the roll-forward of the deferred commission asset per month or quarter
 * (table and chart), the journal entries as CSV, and the capitalisation policy per portfolio.
 */
@Controller
class ExpensePages {

    private final CommissionExpense expense;
    private final ExpenseLedger ledger;
    private final MessageSource messages;
    private final Clock clock;

    private final DatevSettings datev;

    ExpensePages(
            CommissionExpense expense, ExpenseLedger ledger, MessageSource messages, Clock clock, DatevSettings datev) {
        this.datev = datev;
        this.expense = expense;
        this.ledger = ledger;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/finance/commission-expense")
    String page(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) String currency,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "quarter") String by,
            Locale locale,
            Model model) {
        ExpenseRequests.mustSee(user);
        List<String> currencies = expense.currencies();
        String cur = currency == null || currency.isBlank()
                ? (currencies.contains("USD") || currencies.isEmpty() ? "USD" : currencies.get(0))
                : currency;
        YearMonth now = YearMonth.now(clock);
        YearMonth f = ExpenseRequests.month("from", from, YearMonth.of(now.getYear(), 1));
        YearMonth t = ExpenseRequests.month("to", to, YearMonth.of(now.getYear(), 12));
        boolean quarters = !"month".equals(by);
        CommissionExpense.Report report = expense.report(cur, f, t, quarters);
        model.addAttribute("report", report);
        model.addAttribute("currencies", currencies.isEmpty() ? List.of(cur) : currencies);
        model.addAttribute("from", f.toString());
        model.addAttribute("to", t.toString());
        model.addAttribute("by", quarters ? "quarter" : "month");
        model.addAttribute("chart", chart(report, locale));
        model.addAttribute("accounts", ledger.accounts());
        return "expense/expense";
    }

    @GetMapping({"/finance/commission-expense/journal.csv", "/finance/commission-expense/journal"})
    ResponseEntity<byte[]> journal(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam String currency,
            @RequestParam String from,
            @RequestParam String to,
            @RequestParam(defaultValue = "quarter") String by,
            @RequestParam(defaultValue = "csv") String format) {
        ExpenseRequests.mustSee(user);
        YearMonth f = ExpenseRequests.month("from", from, null);
        YearMonth t = ExpenseRequests.month("to", to, null);
        CommissionExpense.Report report = expense.report(currency, f, t, !"month".equals(by));
        return ExpenseRequests.journalFile(report, format, f, t, () -> datev.header(report, f, t));
    }

    @PostMapping("/finance/commission-expense/accounts")
    String saveAccounts(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) String deferredCosts,
            @RequestParam(required = false) String accruedCommissions,
            @RequestParam(required = false) String commissionExpense,
            @RequestParam(required = false) String amortisation,
            @RequestParam(required = false) String writeOff,
            Locale locale,
            RedirectAttributes redirect) {
        ExpenseRequests.mustSee(user);
        try {
            ledger.saveAccounts(
                    new JournalEntries.Accounts(
                            deferredCosts, accruedCommissions, commissionExpense, amortisation, writeOff),
                    user.getUsername());
            redirect.addFlashAttribute("notice", "expense.accounts.saved");
        } catch (InvalidInputException e) {
            List<String> problems = new ArrayList<>();
            for (FieldProblem p : e.problems()) {
                problems.add(p.field() + ": " + messages.getMessage(p.code(), null, p.reason(), locale));
            }
            redirect.addFlashAttribute("problems", problems);
        }
        return "redirect:/finance/commission-expense";
    }

    @PostMapping("/finance/commission-expense/policies")
    String savePolicy(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) String portfolio,
            @RequestParam(required = false) String thresholdMonths,
            Locale locale,
            RedirectAttributes redirect) {
        ExpenseRequests.mustSee(user);
        try {
            Integer months = null;
            if (thresholdMonths != null && !thresholdMonths.isBlank()) {
                try {
                    months = Integer.valueOf(thresholdMonths.strip());
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(new FieldProblem(
                            "thresholdMonths",
                            "expense.error.threshold",
                            "threshold_months is a whole number from 0 to 120"));
                }
            }
            expense.savePolicy(portfolio, months, user.getUsername());
            redirect.addFlashAttribute("notice", "expense.policy.saved");
        } catch (InvalidInputException e) {
            List<String> problems = new ArrayList<>();
            for (FieldProblem p : e.problems()) {
                problems.add(messages.getMessage(p.code(), null, p.field() + " " + p.reason(), locale));
            }
            redirect.addFlashAttribute("problems", problems);
        }
        return "redirect:/finance/commission-expense";
    }

    /**
     * Issue 21.4 and 21.8: every currency's roll-forward in the reporting currency at each period's rate, added per
     * period, on one axis that names the currency and says it was converted.
     */
    private Map<String, Object> chart(CommissionExpense.Report report, Locale locale) {
        CommissionExpense.Reporting x = report.reporting();
        List<CommissionExpense.ConvertedLine> lines = x.allCurrencies();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put(
                "periods",
                lines.stream().map(CommissionExpense.ConvertedLine::period).toList());
        List<Map<String, Object>> series = new ArrayList<>();
        series.add(series(
                "expense.col.capitalised",
                "bar",
                lines.stream().map(CommissionExpense.ConvertedLine::capitalised).toList(),
                locale));
        series.add(series(
                "expense.col.amortised",
                "bar",
                lines.stream().map(l -> l.amortised().negate()).toList(),
                locale));
        series.add(series(
                "expense.col.writtenOff",
                "bar",
                lines.stream().map(l -> l.writtenOff().negate()).toList(),
                locale));
        series.add(series(
                "expense.col.closing",
                "line",
                lines.stream().map(CommissionExpense.ConvertedLine::closing).toList(),
                locale));
        c.put("series", series);
        c.put("currency", x.currency());
        c.put("axis", messages.getMessage("reporting.axis", new Object[] {x.currency()}, locale));
        c.put("names", series.stream().map(s -> s.get("name")).toList()); // and the table view lists its series
        c.put("values", series.stream().map(s -> s.get("data")).toList());
        return c;
    }

    private Map<String, Object> series(String key, String type, List<BigDecimal> values, Locale locale) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", messages.getMessage(key, null, locale));
        s.put("type", type);
        s.put("data", values);
        return s;
    }
}
