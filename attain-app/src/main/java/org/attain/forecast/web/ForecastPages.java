package org.attain.forecast.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.forecast.ForecastCategory;
import org.attain.forecast.Forecasts;
import org.attain.forecast.RollUp;
import org.attain.org.Teams;
import org.attain.platform.FieldProblem;
import org.attain.platform.ForbiddenException;
import org.attain.platform.InvalidInputException;
import org.attain.platform.LocaleNumbers;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The forecast page for managers, finance and admins: a quarter's categories rolled up for a person's subtree
 * against its quota (chart and table, one row per direct report to drill into), the call form for one's own
 * roll-up, the weekly history of calls, past quarters' accuracy and the stage probabilities in use.
 */
@Controller
class ForecastPages {

    private final Forecasts forecasts;
    private final Periods periods;
    private final Teams teams;
    private final MessageSource messages;

    private final org.attain.forecast.WeeklyForecastSnapshot weekly;

    ForecastPages(
            Forecasts forecasts,
            Periods periods,
            Teams teams,
            MessageSource messages,
            org.attain.forecast.WeeklyForecastSnapshot weekly) {
        this.weekly = weekly;
        this.forecasts = forecasts;
        this.periods = periods;
        this.teams = teams;
        this.messages = messages;
    }

    static void mustForecast(AttainUser user) {
        if (!user.has(Role.MANAGER) && !user.seesEveryone()) {
            throw new ForbiddenException("The forecast is for managers, finance and admins.");
        }
    }

    @GetMapping("/forecast")
    String page(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String currency,
            @RequestParam(required = false) Long person,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String min,
            @RequestParam(required = false) String max,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Locale locale,
            Model model) {
        mustForecast(user);
        long who = person == null ? forecasts.defaultPerson(user) : person;
        String cur = currency == null || currency.isBlank() ? defaultCurrency() : currency.strip();
        Forecasts.View view = forecasts.view(user, who, period, cur);
        model.addAttribute("view", view);
        // The deals closing in the quarter: searched, filtered and one page at a time (ForecastDealList).
        ForecastDealList.Filter dealFilter = new ForecastDealList.Filter(q, stage, category, min, max);
        var dealsPage = ForecastDealList.page(
                view.opportunities(), dealFilter, org.attain.platform.PageRequest.of(page, size), locale);
        model.addAttribute("deals", dealsPage.items());
        model.addAttribute("dealsPage", dealsPage);
        model.addAttribute("dealFilter", dealFilter);
        model.addAttribute("dealStages", ForecastDealList.stages(view.opportunities()));
        model.addAttribute(
                "dealBoundUnreadable",
                ForecastDealList.unreadable(min, locale) || ForecastDealList.unreadable(max, locale));
        model.addAttribute("dealsOpen", dealFilter.any() || page != null || size != null);
        List<Forecasts.Row> rows = new ArrayList<>();
        rows.add(view.total());
        rows.addAll(view.reports());
        model.addAttribute("rows", rows);
        model.addAttribute("weeks", weekly.weeks(view.personId(), view.periodId(), view.currency()));
        model.addAttribute("commit", view.total().lines().get(ForecastCategory.COMMIT));
        model.addAttribute("categories", RollUp.categories());
        model.addAttribute("callCategories", List.of(ForecastCategory.COMMIT, ForecastCategory.BEST_CASE));
        model.addAttribute(
                "dealCategories",
                List.of(
                        ForecastCategory.COMMIT,
                        ForecastCategory.BEST_CASE,
                        ForecastCategory.PIPELINE,
                        ForecastCategory.OMITTED));
        model.addAttribute("currencies", currencies());
        model.addAttribute("quarters", quarters(view.periodId()));
        model.addAttribute("chart", chart(view, locale));
        return "forecast/forecast";
    }

    @PostMapping("/forecast/calls")
    String call(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam String period,
            @RequestParam String currency,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String amount,
            @RequestParam(required = false) String note,
            Locale locale,
            RedirectAttributes redirect) {
        mustForecast(user);
        try {
            BigDecimal value = LocaleNumbers.amount("amount", amount, locale);
            if (value == null) {
                throw new InvalidInputException(
                        new FieldProblem("amount", "forecast.error.amount", "a call needs its amount"));
            }
            forecasts.call(user, period, currency, category, value, note);
            redirect.addFlashAttribute("notice", "forecast.call.saved");
        } catch (InvalidInputException e) {
            List<String> problems = new ArrayList<>();
            for (FieldProblem p : e.problems()) {
                problems.add(messages.getMessage(p.code(), null, p.field() + " " + p.reason(), locale));
            }
            redirect.addFlashAttribute("problems", problems);
        }
        return "redirect:"
                + UriComponentsBuilder.fromPath("/forecast")
                        .queryParam("period", period)
                        .queryParam("currency", currency)
                        .build()
                        .toUriString();
    }

    @PostMapping("/forecast/deals/{id}/category")
    String dealCategory(
            @AuthenticationPrincipal AttainUser user,
            @org.springframework.web.bind.annotation.PathVariable long id,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String currency,
            @RequestParam(required = false) Long person,
            @RequestParam(required = false) String back,
            Locale locale,
            RedirectAttributes redirect) {
        mustForecast(user);
        try {
            forecasts.setDealCategory(user, id, category);
            redirect.addFlashAttribute("notice", "forecast.deal.saved");
        } catch (InvalidInputException e) {
            List<String> problems = new ArrayList<>();
            for (FieldProblem p : e.problems()) {
                problems.add(messages.getMessage(p.code(), null, p.field() + " " + p.reason(), locale));
            }
            redirect.addFlashAttribute("problems", problems);
        }
        if (back != null && back.startsWith("/forecast") && !back.startsWith("//")) {
            // Back to the deal list's page, search and filters the deal was set on.
            return "redirect:" + back + "#deals";
        }
        return "redirect:"
                + UriComponentsBuilder.fromPath("/forecast")
                        .queryParam("period", period)
                        .queryParam("currency", currency)
                        .queryParam("person", person)
                        .fragment("deals")
                        .build()
                        .toUriString();
    }

    private String defaultCurrency() {
        List<String> all = currencies();
        return all.contains("USD") || all.isEmpty() ? "USD" : all.get(0);
    }

    private List<String> currencies() {
        return teams.regions().stream()
                .map(Teams.Region::currency)
                .distinct()
                .sorted()
                .toList();
    }

    private List<String> quarters(String shown) {
        List<String> out = new ArrayList<>();
        int year = periods.currentSpan(PeriodKind.QUARTER).fiscalYear();
        for (Periods.PeriodRow p : periods.list(PeriodKind.QUARTER, null)) {
            if (p.fiscalYear() >= year - 1 && p.fiscalYear() <= year + 1) {
                out.add(p.id());
            }
        }
        if (!out.contains(shown)) {
            out.add(shown);
        }
        return out;
    }

    /** The chart's data: the cumulative categories and the weighted pipeline as bars, the quota as a line. */
    private Map<String, Object> chart(Forecasts.View view, Locale locale) {
        Map<String, Object> c = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        for (ForecastCategory cat : RollUp.categories()) {
            names.add(messages.getMessage("forecast.category." + cat.key(), null, locale));
            values.add(view.total().lines().get(cat).rolledUp());
        }
        names.add(messages.getMessage("forecast.weighted", null, locale));
        values.add(view.total().weighted().setScale(2, java.math.RoundingMode.HALF_EVEN));
        c.put("categories", names);
        c.put("values", values);
        c.put("valueName", messages.getMessage("forecast.chart.forecast", null, locale));
        c.put("quota", view.quota());
        c.put("quotaName", messages.getMessage("forecast.quota", null, locale));
        // Issue 21.4: the axis names the one currency; the table view below the chart holds the same numbers.
        c.put("currency", view.currency());
        c.put("tableNames", List.of(c.get("valueName")));
        c.put("tableValues", List.of(values));
        return c;
    }
}
