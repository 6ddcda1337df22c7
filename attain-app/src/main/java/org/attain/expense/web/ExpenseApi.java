package org.attain.expense.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import org.attain.access.AttainUser;
import org.attain.expense.CommissionExpense;
import org.attain.expense.ExpensePolicy;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Commission expense over REST for finance and admins: roll-forward, journal entries (JSON or CSV), policies. */
@RestController
@RequestMapping("/api/v1/commission-expense")
@Tag(
        name = "Commission expense",
        description =
                "ASC 340-40 / IFRS 15: capitalised commissions, amortisation, write-offs, roll-forward, journal entries")
class ExpenseApi {

    private final CommissionExpense expense;

    ExpenseApi(CommissionExpense expense) {
        this.expense = expense;
    }

    @GetMapping
    @Operation(
            summary =
                    "The roll-forward of one currency's deferred commissions per month (by=month) or calendar quarter (by=quarter) "
                            + "over [from, to] (months such as 2026-01): opening, capitalised, amortised, written off, closing and what was "
                            + "expensed at once, with the journal entries of each period")
    CommissionExpense.Report report(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam String currency,
            @RequestParam String from,
            @RequestParam String to,
            @RequestParam(defaultValue = "quarter") String by) {
        ExpenseRequests.mustSee(user);
        return expense.report(
                currency,
                ExpenseRequests.month("from", from, null),
                ExpenseRequests.month("to", to, null),
                !"month".equals(by));
    }

    @GetMapping(value = "/journal", produces = "text/csv")
    @Operation(
            summary =
                    "The journal entries as CSV: period, booked_on, kind, debit_account, credit_account, amount, currency")
    ResponseEntity<byte[]> journal(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam String currency,
            @RequestParam String from,
            @RequestParam String to,
            @RequestParam(defaultValue = "quarter") String by) {
        CommissionExpense.Report r = report(user, currency, from, to, by);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(ExpenseRequests.journalCsv(r).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/policies")
    @Operation(
            summary =
                    "The capitalisation policies: threshold months per portfolio (a plan key, * for every other plan)")
    Collection<ExpensePolicy> policies(@AuthenticationPrincipal AttainUser user) {
        ExpenseRequests.mustSee(user);
        return expense.policies().values();
    }

    record PolicyRequest(String portfolio, Integer thresholdMonths) {}

    @PutMapping("/policies")
    @Operation(
            summary =
                    "Set a portfolio's threshold: contracts longer than thresholdMonths are capitalised, the rest expensed at once")
    ExpensePolicy savePolicy(@AuthenticationPrincipal AttainUser user, @RequestBody PolicyRequest body) {
        ExpenseRequests.mustSee(user);
        return expense.savePolicy(body.portfolio(), body.thresholdMonths(), user.getUsername());
    }
}
