package org.attain.expense.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Collection;
import java.util.List;
import org.attain.access.AttainUser;
import org.attain.expense.CommissionExpense;
import org.attain.expense.ExpenseLedger;
import org.attain.expense.ExpensePolicy;
import org.attain.expense.JournalEntries;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
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
    private final ExpenseLedger ledger;

    private final DatevSettings datev;

    ExpenseApi(CommissionExpense expense, ExpenseLedger ledger, DatevSettings datev) {
        this.datev = datev;
        this.expense = expense;
        this.ledger = ledger;
    }

    @GetMapping
    @Operation(
            summary =
                    "The roll-forward of one currency's deferred commissions per month (by=month) or calendar quarter (by=quarter) "
                            + "over [from, to] (months such as 2026-01): opening, capitalised, amortised, written off, closing and what was "
                            + "expensed at once, with the journal entries of each period; reporting: the same lines and every currency's"
                            + " added, in the reporting currency at each period's rate (its last day's), rounded half-even to its minor"
                            + " unit, and the currencies and periods without a rate")
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

    @GetMapping("/journal")
    @Operation(
            summary =
                    "The journal entries: format=csv (period, booked_on, kind, debit_account, credit_account, amount,"
                            + " currency, correction, posted), xlsx, or datev (the EXTF header line, version 700, category 21,"
                            + " then the Buchungsstapel columns: Umsatz, Soll/Haben, WKZ,"
                            + " Konto, Gegenkonto, Belegdatum, Belegfeld 1, Buchungstext; semicolons, Windows-1252). Months of"
                            + " closed periods are posted and frozen; later changes to them book as corrections in the next open month")
    ResponseEntity<byte[]> journal(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam String currency,
            @RequestParam String from,
            @RequestParam String to,
            @RequestParam(defaultValue = "quarter") String by,
            @RequestParam(defaultValue = "csv") String format) {
        CommissionExpense.Report r = report(user, currency, from, to, by);
        return ExpenseRequests.journalFile(
                r,
                format,
                from,
                to,
                () -> datev.header(
                        r, ExpenseRequests.month("from", from, null), ExpenseRequests.month("to", to, null)));
    }

    @PostMapping("/journal/post")
    @Operation(
            summary = "Post (freeze) the journal of every month of a closed period not posted yet; closing a period"
                    + " does this by itself. Returns the currency and month of each posting")
    List<String> post(@AuthenticationPrincipal AttainUser user) {
        ExpenseRequests.mustSee(user);
        return expense.postClosed(user.getUsername());
    }

    @GetMapping("/accounts")
    @Operation(summary = "The ledger accounts the journal books to")
    JournalEntries.Accounts accounts(@AuthenticationPrincipal AttainUser user) {
        ExpenseRequests.mustSee(user);
        return ledger.accounts();
    }

    @PutMapping("/accounts")
    @Operation(
            summary =
                    "Set the ledger accounts: deferredCosts (capitalised asset), accruedCommissions, commissionExpense,"
                            + " amortisation (expense), writeOff; posted months keep the accounts they were posted with")
    JournalEntries.Accounts saveAccounts(
            @AuthenticationPrincipal AttainUser user, @RequestBody JournalEntries.Accounts body) {
        ExpenseRequests.mustSee(user);
        return ledger.saveAccounts(body, user.getUsername());
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
