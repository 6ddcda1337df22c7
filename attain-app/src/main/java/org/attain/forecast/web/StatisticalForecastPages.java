package org.attain.forecast.web;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.forecast.StatisticalForecasts;
import org.attain.org.Teams;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The statistical forecast page: bookings by month with the forecast of the best method now and its interval (chart),
 * every method's backtest accuracy beside its number, the quarters, the Monte-Carlo range of the quarter and the
 * picked method's forecasts against what came; for the company, a region or a team.
 */
@Controller
class StatisticalForecastPages {

    private final StatisticalForecasts forecasts;
    private final Teams teams;
    private final MessageSource messages;

    StatisticalForecastPages(StatisticalForecasts forecasts, Teams teams, MessageSource messages) {
        this.forecasts = forecasts;
        this.teams = teams;
        this.messages = messages;
    }

    @GetMapping("/forecast/statistical")
    String page(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) Long id,
            @RequestParam(required = false) String key,
            @RequestParam(required = false) String currency,
            Locale locale,
            Model model) {
        ForecastPages.mustForecast(user);
        // The page's one select sends kind:id (company:, region:3, team:12).
        if (key != null && key.contains(":")) {
            scope = key.substring(0, key.indexOf(':'));
            String rest = key.substring(key.indexOf(':') + 1);
            id = rest.matches("\\d{1,18}") ? Long.valueOf(rest) : null;
        }
        StatisticalForecasts.View view = forecasts.view(user, scope, id, currency);
        model.addAttribute("view", view);
        model.addAttribute("scopes", forecasts.scopes(user));
        model.addAttribute(
                "currencies",
                teams.regions().stream()
                        .map(Teams.Region::currency)
                        .distinct()
                        .sorted()
                        .toList());
        model.addAttribute("chart", chart(view, locale));
        model.addAttribute(
                "pickedName",
                view.picked() == null
                        ? ""
                        : messages.getMessage(
                                "forecast.stat.method." + view.picked().key(), null, locale));
        return "forecast/statistical";
    }

    /** Months on the axis; booked, forecast, interval low and the interval's height (stacked band), one-month-ahead checks. */
    private Map<String, Object> chart(StatisticalForecasts.View view, Locale locale) {
        List<String> months = new ArrayList<>();
        List<BigDecimal> booked = new ArrayList<>();
        List<BigDecimal> forecast = new ArrayList<>();
        List<BigDecimal> low = new ArrayList<>();
        List<BigDecimal> band = new ArrayList<>();
        List<BigDecimal> checked = new ArrayList<>();
        Map<YearMonth, BigDecimal> checks = new LinkedHashMap<>();
        view.checks().forEach(c -> checks.put(c.month(), c.forecast()));
        for (StatisticalForecasts.Point p : view.history()) {
            months.add(p.month().toString());
            booked.add(p.actual());
            forecast.add(null);
            low.add(null);
            band.add(null);
            checked.add(checks.get(p.month()));
        }
        for (StatisticalForecasts.Point p : view.forecast()) {
            months.add(p.month().toString());
            booked.add(null);
            forecast.add(p.forecast());
            low.add(p.low());
            band.add(p.low() == null ? null : p.high().subtract(p.low()));
            checked.add(null);
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("months", months);
        c.put("booked", booked);
        c.put("forecast", forecast);
        c.put("low", low);
        c.put("band", band);
        c.put("checked", checked);
        c.put("bookedName", messages.getMessage("forecast.stat.chart.booked", null, locale));
        c.put("forecastName", messages.getMessage("forecast.stat.chart.forecast", null, locale));
        c.put("bandName", messages.getMessage("forecast.stat.chart.interval", null, locale));
        c.put("checkedName", messages.getMessage("forecast.stat.chart.backtest", null, locale));
        // Issue 21.4: the axis names the one currency; the table view holds the same numbers, the band as from/to.
        c.put("currency", view.currency());
        List<BigDecimal> high = new ArrayList<>();
        for (int i = 0; i < low.size(); i++) {
            high.add(
                    low.get(i) == null || band.get(i) == null
                            ? null
                            : low.get(i).add(band.get(i)));
        }
        c.put(
                "tableNames",
                List.of(
                        c.get("bookedName"),
                        c.get("checkedName"),
                        c.get("forecastName"),
                        messages.getMessage("chart.interval.low", null, locale),
                        messages.getMessage("chart.interval.high", null, locale)));
        c.put("tableValues", java.util.Arrays.asList(booked, checked, forecast, low, high));
        return c;
    }
}
