package org.attain.forecast.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.attain.access.AttainUser;
import org.attain.forecast.ForecastCategory;
import org.attain.forecast.Forecasts;
import org.attain.forecast.RollUp;
import org.attain.forecast.StatisticalForecast;
import org.attain.forecast.StatisticalForecasts;
import org.attain.org.Teams;
import org.attain.platform.CellText;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The forecast pages' figures as CSV for a spreadsheet, with the same rights and parameters as the pages: the
 * pipeline roll-up (every person of the page, every category: what the deals say, the call, what rolls up), the
 * quarter's deals with their category and probability, the statistical forecast's months (booked, forecast and its
 * interval) and its methods with their backtest accuracy. Header names are stable keys, amounts plain decimals, text
 * made safe from spreadsheet formulas.
 */
@Controller
class ForecastExports {

    static final String ROLLUP_HEADER = "period,currency,person_id,person,category,computed,called,rolled_up,weighted";
    static final String DEALS_HEADER =
            "period,currency,deal_id,deal,owner,stage,close_date,amount,category,category_set,probability";
    static final String MONTHS_HEADER = "scope,currency,month,booked,forecast,low_p10,high_p90,method";
    static final String METHODS_HEADER =
            "scope,currency,method,picked,flattered,this_month,this_quarter,mape,smape,mase,bias_percent,points";

    private final Forecasts forecasts;
    private final StatisticalForecasts statistical;
    private final Teams teams;

    ForecastExports(Forecasts forecasts, StatisticalForecasts statistical, Teams teams) {
        this.forecasts = forecasts;
        this.statistical = statistical;
        this.teams = teams;
    }

    @GetMapping("/forecast/rollup.csv")
    ResponseEntity<byte[]> rollUp(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String currency,
            @RequestParam(required = false) Long person) {
        Forecasts.View view = pipelineView(user, period, currency, person);
        List<Forecasts.Row> rows = new ArrayList<>();
        rows.add(view.total());
        rows.addAll(view.reports());
        List<List<Object>> out = new ArrayList<>();
        for (Forecasts.Row r : rows) {
            for (ForecastCategory c : RollUp.categories()) {
                RollUp.Line l = r.lines().get(c);
                out.add(List.of(
                        view.periodId(),
                        view.currency(),
                        r.personId(),
                        text(r.name()),
                        c.key(),
                        plain(l.computed()),
                        plain(l.called()),
                        plain(l.rolledUp()),
                        plain(r.weighted())));
            }
        }
        return csv("forecast-" + view.periodId() + "-" + view.personId() + ".csv", ROLLUP_HEADER, out);
    }

    @GetMapping("/forecast/deals.csv")
    ResponseEntity<byte[]> deals(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String currency,
            @RequestParam(required = false) Long person) {
        Forecasts.View view = pipelineView(user, period, currency, person);
        List<List<Object>> out = new ArrayList<>();
        for (Forecasts.Deal d : view.opportunities()) {
            out.add(List.of(
                    view.periodId(),
                    view.currency(),
                    d.id(),
                    text(d.name()),
                    text(d.ownerName()),
                    text(d.stage()),
                    d.closeDate().toString(),
                    plain(d.amount()),
                    d.category().key(),
                    d.set(),
                    plain(d.probability())));
        }
        return csv("forecast-deals-" + view.periodId() + "-" + view.personId() + ".csv", DEALS_HEADER, out);
    }

    @GetMapping("/forecast/statistical.csv")
    ResponseEntity<byte[]> months(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) Long id,
            @RequestParam(required = false) String currency) {
        ForecastPages.mustForecast(user);
        StatisticalForecasts.View view = statistical.view(user, scope, id, currency);
        String who = scopeName(view.scope());
        String method = view.picked() == null ? "" : view.picked().key();
        List<List<Object>> out = new ArrayList<>();
        for (StatisticalForecasts.Point p : view.history()) {
            out.add(List.of(who, view.currency(), p.month().toString(), plain(p.actual()), "", "", "", ""));
        }
        for (StatisticalForecasts.Point p : view.forecast()) {
            out.add(List.of(
                    who,
                    view.currency(),
                    p.month().toString(),
                    "",
                    plain(p.forecast()),
                    plain(p.low()),
                    plain(p.high()),
                    method));
        }
        return csv("statistical-forecast-" + fileScope(view.scope()) + ".csv", MONTHS_HEADER, out);
    }

    @GetMapping("/forecast/statistical-methods.csv")
    ResponseEntity<byte[]> methods(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) Long id,
            @RequestParam(required = false) String currency) {
        ForecastPages.mustForecast(user);
        StatisticalForecasts.View view = statistical.view(user, scope, id, currency);
        String who = scopeName(view.scope());
        List<List<Object>> out = new ArrayList<>();
        for (StatisticalForecasts.Method m : view.methods()) {
            StatisticalForecast.Accuracy a = m.accuracy();
            out.add(List.of(
                    who,
                    view.currency(),
                    m.method().key(),
                    m.picked(),
                    m.flattered(),
                    plain(m.currentMonth()),
                    plain(m.currentQuarter()),
                    a == null ? "" : plain(a.mape()),
                    a == null ? "" : plain(a.smape()),
                    a == null ? "" : plain(a.mase()),
                    a == null ? "" : plain(a.bias()),
                    a == null ? "" : a.points()));
        }
        return csv("statistical-forecast-methods-" + fileScope(view.scope()) + ".csv", METHODS_HEADER, out);
    }

    private Forecasts.View pipelineView(AttainUser user, String period, String currency, Long person) {
        ForecastPages.mustForecast(user);
        long who = person == null ? forecasts.defaultPerson(user) : person;
        String cur = currency == null || currency.isBlank() ? defaultCurrency() : currency.strip();
        return forecasts.view(user, who, period, cur);
    }

    /** The pipeline page's currency when none is asked for: USD where a region reports in it. */
    private String defaultCurrency() {
        List<String> all = teams.regions().stream()
                .map(Teams.Region::currency)
                .distinct()
                .sorted()
                .toList();
        return all.contains("USD") || all.isEmpty() ? "USD" : all.get(0);
    }

    private static String scopeName(StatisticalForecasts.Scope s) {
        return s.name() == null ? s.kind() : text(s.kind() + " " + s.name());
    }

    private static String fileScope(StatisticalForecasts.Scope s) {
        return s.id() == null ? s.kind() : s.kind() + "-" + s.id();
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }

    private static String text(String v) {
        return v == null ? "" : CellText.safe(v);
    }

    private static ResponseEntity<byte[]> csv(String file, String header, List<List<Object>> rows) {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(
                w,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader(header.split(","))
                        .setRecordSeparator("\n")
                        .get())) {
            for (List<Object> r : rows) {
                p.printRecord(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file).build().toString())
                .body(w.toString().getBytes(StandardCharsets.UTF_8));
    }
}
