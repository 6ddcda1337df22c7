package org.attain.forecast.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.attain.forecast.Forecasts;
import org.attain.platform.ForbiddenException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pipeline forecast over REST: a quarter's roll-up for a person's subtree, calls, the stage probabilities
 * (the admin's, and what history learned), and the weekly stage snapshot. Refused input answers 400 with
 * {@code errors[{field, reason}]} and nothing written; a person the caller may not see is 404.
 */
@RestController
@RequestMapping("/api/v1/forecast")
@Tag(
        name = "Forecast",
        description = "Pipeline forecast: weighted pipeline, categories rolled up by manager, calls and their history")
class ForecastApi {

    private final Forecasts forecasts;
    private final org.attain.forecast.WeeklyForecastSnapshot weekly;

    ForecastApi(Forecasts forecasts, org.attain.forecast.WeeklyForecastSnapshot weekly) {
        this.forecasts = forecasts;
        this.weekly = weekly;
    }

    @GetMapping("/weeks")
    @Operation(
            summary =
                    "The weekly snapshots of a person's quarter (taken each Monday by a scheduled job): per week and category the "
                            + "call in force, what the deals and reports said, what rolled up, and the weighted pipeline; newest first")
    List<org.attain.forecast.WeeklyForecastSnapshot.Week> weeks(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) String period,
            @RequestParam(defaultValue = "USD") String currency,
            @RequestParam(required = false) Long person) {
        ForecastPages.mustForecast(user);
        Forecasts.View view =
                forecasts.view(user, person == null ? forecasts.defaultPerson(user) : person, period, currency);
        return weekly.weeks(view.personId(), view.periodId(), view.currency());
    }

    @GetMapping
    @Operation(
            summary =
                    "A quarter's forecast for a person's subtree (the caller, or the top of the tree for finance and admins): "
                            + "cumulative categories rolled up with the calls in force (computed kept beside each call), the weighted pipeline, "
                            + "one row per direct report, quota, the weekly history of the person's calls and past quarters' accuracy. "
                            + "noHistory is true when no deal closes in the quarter and no earlier quarter has a call or a won deal")
    Forecasts.View forecast(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) String period,
            @RequestParam(defaultValue = "USD") String currency,
            @RequestParam(required = false) Long person) {
        ForecastPages.mustForecast(user);
        return forecasts.view(user, person == null ? forecasts.defaultPerson(user) : person, period, currency);
    }

    record CallRequest(String period, String currency, String category, BigDecimal amount, String note) {}

    @PostMapping("/calls")
    @Operation(
            summary =
                    "Submit one's own call for a quarter not yet over: category commit, best_case, pipeline or closed; the amount "
                            + "rolls up instead of the deals, the computed roll-up and weighted pipeline at that moment are kept with it. "
                            + "Calls are never changed: a new call replaces the old one in force and both stay in the history")
    Forecasts.View call(@AuthenticationPrincipal AttainUser user, @RequestBody CallRequest body) {
        ForecastPages.mustForecast(user);
        return forecasts.call(
                user,
                body.period(),
                body.currency() == null ? "USD" : body.currency(),
                body.category(),
                body.amount(),
                body.note());
    }

    record DealCategoryRequest(String category) {}

    @PutMapping("/deals/{id}/category")
    @Operation(
            summary =
                    "Set one deal's forecast category (managers above its owner, finance, admins): pipeline, best_case, commit or "
                            + "omitted; blank or 'stage' goes back to the stage's category. A deal its stage closed (won or lost) keeps "
                            + "its stage's. The deal counts in that category in every roll-up above its owner")
    Map<String, Object> dealCategory(
            @AuthenticationPrincipal AttainUser user,
            @org.springframework.web.bind.annotation.PathVariable long id,
            @RequestBody DealCategoryRequest body) {
        ForecastPages.mustForecast(user);
        forecasts.setDealCategory(user, id, body == null ? null : body.category());
        return Map.of("id", id, "category", body == null || body.category() == null ? "stage" : body.category());
    }

    @GetMapping("/stages")
    @Operation(
            summary =
                    "The stages: probability set by the admin, default forecast category, and whether the learned probability is used")
    List<Forecasts.StageInput> stages(@AuthenticationPrincipal AttainUser user) {
        ForecastPages.mustForecast(user);
        return forecasts.stageSettings();
    }

    @PutMapping("/stages")
    @Operation(
            summary =
                    "Set stages (admin, comp admin): stage, probability 0..1, category (pipeline, best_case, commit, closed, omitted), "
                            + "useLearned; every row checked first (errors stages[n].field), nothing saved when one is wrong")
    List<Forecasts.StageInput> saveStages(
            @AuthenticationPrincipal AttainUser user, @RequestBody List<Forecasts.StageInput> body) {
        mustAdminister(user);
        forecasts.saveStages(body, user.getUsername());
        return forecasts.stageSettings();
    }

    @PostMapping("/snapshots")
    @Operation(
            summary =
                    "Record this week's stage of every open deal (admin, comp admin; also done with every call): the history stage probabilities learn from")
    Map<String, Integer> snapshot(@AuthenticationPrincipal AttainUser user) {
        mustAdminister(user);
        return Map.of("opportunities", forecasts.snapshot());
    }

    private static void mustAdminister(AttainUser user) {
        if (!user.has(Role.ADMIN) && !user.has(Role.COMP_ADMIN)) {
            throw new ForbiddenException("Forecast stages are set by admins and comp admins.");
        }
    }
}
