package org.attain.budget.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.budget.BudgetCsv;
import org.attain.budget.BudgetReport;
import org.attain.budget.Budgets;
import org.attain.budget.PlanCostModel;
import org.attain.org.Visibility;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Budgets over REST: finance and admins read and write everything, a manager reads the teams of their subtree. */
@RestController
@RequestMapping("/api/v1/budgets")
@Tag(
        name = "Budgets",
        description = "Budgets per period and team, budget vs actual, cost of sales, plan cost scenarios")
class BudgetApi {

    private final Budgets budgets;
    private final BudgetReport report;
    private final BudgetCsv csv;
    private final PlanCostModel costModel;
    private final Visibility visibility;

    BudgetApi(Budgets budgets, BudgetReport report, BudgetCsv csv, PlanCostModel costModel, Visibility visibility) {
        this.budgets = budgets;
        this.report = report;
        this.csv = csv;
        this.costModel = costModel;
        this.visibility = visibility;
    }

    @GetMapping
    @Operation(
            summary =
                    "Budget vs actual of a month (2026-11) or quarter (2026-Q4) per team and category, with variance,"
                            + " alerts over the threshold and the compensation cost of sales per team and role; reporting: every money"
                            + " amount in the reporting currency at the period's rate, per team and in total, and the missing rates")
    BudgetReport.Report report(@AuthenticationPrincipal AttainUser user, @RequestParam String period) {
        BudgetAccess.mustRead(user);
        return report.report(period, visibility.scopeOf(user));
    }

    @PutMapping
    @Operation(
            summary = "Set one budget line {period, teamId, category, amount, currency}; a closed period is read-only")
    Budgets.Line save(@AuthenticationPrincipal AttainUser user, @RequestBody Budgets.Line line) {
        BudgetAccess.mustWrite(user);
        return budgets.save(line, user.getUsername());
    }

    @PutMapping("/actuals")
    @Operation(summary = "Enter one marketing or other actual {period, teamId, category, amount, currency}")
    Budgets.Line saveActual(@AuthenticationPrincipal AttainUser user, @RequestBody Budgets.Line line) {
        BudgetAccess.mustWrite(user);
        return budgets.saveActual(line, user.getUsername());
    }

    @GetMapping(value = "/export", produces = "text/csv")
    @Operation(summary = "Budgets and entered actuals as CSV (" + BudgetCsv.HEADER + "), of one period or all")
    ResponseEntity<byte[]> export(
            @AuthenticationPrincipal AttainUser user, @RequestParam(required = false) String period) {
        BudgetAccess.mustWrite(user);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"budgets.csv\"")
                .body(csv.export(period == null || period.isBlank() ? null : List.of(period.strip()))
                        .getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping(value = "/import", consumes = "text/csv")
    @Operation(
            summary = "Import budgets and actuals as CSV (" + BudgetCsv.HEADER + "): all rows or none, a refused"
                    + " row named by its line and field")
    BudgetCsv.Imported importCsv(@AuthenticationPrincipal AttainUser user, @RequestBody String body) {
        BudgetAccess.mustWrite(user);
        return csv.importCsv(body, user.getUsername());
    }

    @GetMapping("/cost-model")
    @Operation(
            summary = "What a team's plans cost at 80, 100 and 120 % attainment in a plan period (2026-Q4),"
                    + " from the real engine with each payee's deals scaled")
    PlanCostModel.Model costModel(
            @AuthenticationPrincipal AttainUser user, @RequestParam String period, @RequestParam long team) {
        BudgetAccess.mustRead(user);
        return costModel.model(period, team, visibility.scopeOf(user));
    }

    record Settings(BigDecimal alertThresholdPercent) {}

    @GetMapping("/settings")
    Settings settings(@AuthenticationPrincipal AttainUser user) {
        BudgetAccess.mustRead(user);
        return new Settings(budgets.alertThreshold());
    }

    @PutMapping("/settings")
    @Operation(summary = "Set the alert threshold: a line more than this percent over its budget is flagged")
    Map<String, BigDecimal> saveSettings(@AuthenticationPrincipal AttainUser user, @RequestBody Settings body) {
        BudgetAccess.mustWrite(user);
        return Map.of(
                "alertThresholdPercent", budgets.setAlertThreshold(body.alertThresholdPercent(), user.getUsername()));
    }
}
