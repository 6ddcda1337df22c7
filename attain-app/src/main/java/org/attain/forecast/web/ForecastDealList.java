package org.attain.forecast.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.forecast.ForecastCategory;
import org.attain.forecast.Forecasts;
import org.attain.platform.BulkOutcome;
import org.attain.platform.ForbiddenException;
import org.attain.platform.InvalidInputException;
import org.attain.platform.LocaleNumbers;
import org.attain.platform.NotFoundException;
import org.attain.platform.PageRequest;
import org.attain.platform.Paged;
import org.attain.platform.SearchText;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forecast page's deals closing in the quarter as a list that ends: searched by deal or owner,
 * narrowed by stage, category and amount range, one page at a time (the roll-up above needs every deal
 * of the subtree, so the page is cut from the deals the view already holds), and many deals' category
 * set at once, each refused deal named with its reason.
 */
@Controller
class ForecastDealList {

    private final Forecasts forecasts;
    private final MessageSource messages;

    ForecastDealList(Forecasts forecasts, MessageSource messages) {
        this.forecasts = forecasts;
        this.messages = messages;
    }

    /** What the deal list is narrowed to, as typed in the URL; amounts in the page's language. */
    record Filter(String q, String stage, String category, String min, String max) {

        boolean any() {
            return !SearchText.of(q).isEmpty() || present(stage) || present(category) || present(min) || present(max);
        }

        private static boolean present(String s) {
            return s != null && !s.isBlank();
        }
    }

    /** One page of the view's deals that pass the filter (an unreadable amount bound is ignored and flagged). */
    static Paged<Forecasts.Deal> page(List<Forecasts.Deal> deals, Filter f, PageRequest request, Locale locale) {
        String q = SearchText.of(f.q()).toLowerCase(locale);
        BigDecimal min = amount(f.min(), locale);
        BigDecimal max = amount(f.max(), locale);
        List<Forecasts.Deal> kept = new ArrayList<>();
        for (Forecasts.Deal d : deals) {
            if (!q.isEmpty()
                    && !d.name().toLowerCase(locale).contains(q)
                    && !d.ownerName().toLowerCase(locale).contains(q)) {
                continue;
            }
            if (Filter.present(f.stage())
                    && !d.stage().equalsIgnoreCase(f.stage().strip())) {
                continue;
            }
            if (Filter.present(f.category())
                    && !d.category().key().equals(f.category().strip())) {
                continue;
            }
            if (min != null && d.amount().compareTo(min) < 0) {
                continue;
            }
            if (max != null && d.amount().compareTo(max) > 0) {
                continue;
            }
            kept.add(d);
        }
        request = request.within(kept.size());
        int from = (int) Math.min(request.offset(), kept.size());
        int to = (int) Math.min(from + (long) request.limit(), kept.size());
        return Paged.of(kept.subList(from, to), request, kept.size());
    }

    /** True when a typed bound cannot be read as an amount (the page says so; the bound is not applied). */
    static boolean unreadable(String typed, Locale locale) {
        return Filter.present(typed) && amount(typed, locale) == null;
    }

    private static BigDecimal amount(String typed, Locale locale) {
        if (!Filter.present(typed)) {
            return null;
        }
        return LocaleNumbers.parse(typed.strip(), locale).orElse(null);
    }

    /** The stages of the view's deals, for the stage filter. */
    static List<String> stages(List<Forecasts.Deal> deals) {
        return deals.stream().map(Forecasts.Deal::stage).distinct().sorted().toList();
    }

    @PostMapping("/forecast/deals/category-selected")
    String setSelected(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(name = "deal", required = false) List<Long> ids,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String currency,
            @RequestParam(required = false) Long person,
            @RequestParam(required = false) String back,
            Locale locale,
            RedirectAttributes flash) {
        ForecastPages.mustForecast(user);
        if (ids == null || ids.isEmpty()) {
            flash.addFlashAttribute("bulkProblem", "bulk.nothingChosen");
        } else {
            Map<Long, String> names = new LinkedHashMap<>();
            if (currency != null && !currency.isBlank()) {
                long who = person == null ? forecasts.defaultPerson(user) : person;
                forecasts
                        .view(user, who, period, currency.strip())
                        .opportunities()
                        .forEach(d -> names.put(d.id(), d.name()));
            }
            BulkOutcome.Tally tally = new BulkOutcome.Tally();
            for (long id : ids.stream().distinct().toList()) {
                String row = names.getOrDefault(id, "#" + id);
                try {
                    forecasts.setDealCategory(user, id, category);
                    tally.done();
                } catch (InvalidInputException e) {
                    var p = e.problems().get(0);
                    tally.refused(row, messages.getMessage(p.code(), null, p.reason(), locale));
                } catch (NotFoundException | ForbiddenException e) {
                    tally.refused(row, messages.getMessage("listsmore.deals.notFound", null, "no such deal", locale));
                }
            }
            flash.addFlashAttribute("bulkOutcome", tally.outcome());
        }
        return "redirect:"
                + (back != null && back.startsWith("/forecast") && !back.startsWith("//") ? back : "/forecast");
    }

    /** The categories a deal may be set to, for the bulk bar and the filter. */
    static List<ForecastCategory> settable() {
        return List.of(
                ForecastCategory.COMMIT,
                ForecastCategory.BEST_CASE,
                ForecastCategory.PIPELINE,
                ForecastCategory.OMITTED);
    }
}
