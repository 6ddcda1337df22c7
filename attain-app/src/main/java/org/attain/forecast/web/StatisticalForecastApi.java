package org.attain.forecast.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.attain.access.AttainUser;
import org.attain.forecast.StatisticalForecasts;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The statistical forecast over REST: the scopes one may forecast and a scope's forecast with its accuracy. */
@RestController
@RequestMapping("/api/v1/forecast/statistical")
@Tag(name = "Forecast", description = "Statistical forecast of bookings with its backtested accuracy")
class StatisticalForecastApi {

    private final StatisticalForecasts forecasts;

    StatisticalForecastApi(StatisticalForecasts forecasts) {
        this.forecasts = forecasts;
    }

    @GetMapping
    @Operation(
            summary =
                    "Won bookings per month of the company, a region or a team (scope=company|region|team, id) forecast "
                            + "from the current month to the end of the next quarter by the method with the lowest rolling-origin "
                            + "backtest error (seasonal_naive, holt_winters_additive, holt_winters_multiplicative, pipeline_run_rate), "
                            + "with an 80 % interval from its backtest errors; every method's MAPE, sMAPE, MASE and bias; the picked "
                            + "method's one-month-ahead forecasts against actuals; the quarters; a Monte-Carlo P10/P50/P90 of the "
                            + "current quarter from open deals' stage probabilities (fixed seed). tooLittleHistory is true, with no "
                            + "forecast, when the scope has fewer than monthsNeeded months of bookings")
    StatisticalForecasts.View forecast(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) Long id,
            @RequestParam(defaultValue = "USD") String currency) {
        ForecastPages.mustForecast(user);
        return forecasts.view(user, scope, id, currency);
    }

    @GetMapping("/scopes")
    @Operation(
            summary = "The scopes the caller may forecast: company and regions (finance, admins), teams (a manager: "
                    + "the teams with someone in their reporting tree, counted over the people they may see)")
    List<StatisticalForecasts.Scope> scopes(@AuthenticationPrincipal AttainUser user) {
        ForecastPages.mustForecast(user);
        return forecasts.scopes(user);
    }
}
