package org.attain.territory.balance.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.attain.platform.FieldProblem;
import org.attain.platform.ForbiddenException;
import org.attain.platform.InvalidInputException;
import org.attain.territory.Hierarchy;
import org.attain.territory.Level;
import org.attain.territory.Territories;
import org.attain.territory.Territory;
import org.attain.territory.TerritoryRefused;
import org.attain.territory.balance.BalanceJobs;
import org.attain.territory.balance.BalanceResult;
import org.attain.territory.balance.CompanyBalance;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The planners' balancing page: choose hierarchy, scope, metrics and their weights, band, disruption weight and time
 * limit; start; follow the run (the progress bar polls the API from balance.js) and stop it; read before and after per
 * territory as chart and table, why no plan within the band exists, and every proposed move, to accept in part or in
 * whole from a day.
 */
@Controller
class BalancePages {

    static final List<String> METRICS = List.of("potential", "bookings", "accounts", "workload");

    /** The scope choice that balances every territory of the hierarchy, across regions. */
    static final String WHOLE = "all";

    private final CompanyBalance company;
    private final BalanceJobs jobs;
    private final Territories territories;
    private final MessageSource messages;
    private final Clock clock;

    BalancePages(
            CompanyBalance company, BalanceJobs jobs, Territories territories, MessageSource messages, Clock clock) {
        this.company = company;
        this.jobs = jobs;
        this.territories = territories;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/territories/balance")
    String page(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) Long job,
            Locale locale,
            Model model) {
        planner(user);
        Map<String, String> form = defaults();
        return render(user, job, form, Map.of(), Map.of(), locale, model);
    }

    @PostMapping("/territories/balance")
    String start(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam MultiValueMap<String, String> params,
            Locale locale,
            Model model) {
        planner(user);
        Map<String, String> form = new LinkedHashMap<>();
        params.forEach((k, v) -> form.put(k, v.isEmpty() ? "" : v.get(0)));
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            CompanyBalance.Options options = options(form, errors);
            if (errors.isEmpty()) {
                BalanceJobs.Job job = company.start(options, user.getUsername());
                return "redirect:/territories/balance?job=" + job.id();
            }
        } catch (InvalidInputException e) {
            for (FieldProblem p : e.problems()) {
                errors.merge(
                        formField(p.field()), text(p.code(), p.reason(), List.of(), locale), (a, b) -> a + " " + b);
            }
        }
        return render(user, null, form, errors, Map.of(), locale, model);
    }

    @PostMapping("/territories/balance/{id}/stop")
    String stop(@AuthenticationPrincipal AttainUser user, @PathVariable long id) {
        planner(user);
        jobs.stop(id);
        return "redirect:/territories/balance?job=" + id;
    }

    @PostMapping("/territories/balance/{id}/accept")
    String accept(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @RequestParam(name = "move", required = false) List<String> moves,
            @RequestParam(required = false) String effectiveFrom,
            @RequestParam(required = false) String scope,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        planner(user);
        List<String> chosen = moves == null ? List.of() : moves;
        if ("all".equals(scope)) {
            chosen = jobs.find(id)
                    .map(BalanceJobs.Job::result)
                    .map(r -> r.moves().stream()
                            .map(BalanceResult.Move::account)
                            .filter(a -> !company.accepted(id).containsKey(a))
                            .toList())
                    .orElse(List.of());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate from = null;
        try {
            from = effectiveFrom == null || effectiveFrom.isBlank() ? null : LocalDate.parse(effectiveFrom.strip());
        } catch (DateTimeParseException e) {
            errors.put(
                    "effectiveFrom",
                    text("territory.problem.date", effectiveFrom + " is not a date", List.of(effectiveFrom), locale));
        }
        if (errors.isEmpty()) {
            try {
                CompanyBalance.Accepted done = company.accept(id, chosen, from, user.getUsername());
                redirect.addFlashAttribute("acceptedCount", done.moves().size());
                redirect.addFlashAttribute("acceptedFrom", done.effectiveFrom());
                return "redirect:/territories/balance?job=" + id;
            } catch (TerritoryRefused e) {
                for (TerritoryRefused.Problem p : e.reasons()) {
                    String field = p.field().startsWith("moves") ? "moves" : p.field();
                    errors.merge(field, text(p.code(), p.reason(), p.args(), locale), (a, b) -> a + " " + b);
                }
            }
        }
        Map<String, String> acceptForm = new LinkedHashMap<>();
        acceptForm.put("effectiveFrom", effectiveFrom == null ? "" : effectiveFrom);
        chosen.forEach(m -> acceptForm.put("move." + m, "on"));
        return render(user, id, defaults(), Map.of(), errors, locale, model, acceptForm);
    }

    private Map<String, String> defaults() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("band", "10");
        form.put("disruption", "1");
        form.put("timeLimit", "20");
        form.put("currency", company.companyCurrency());
        form.put("day", LocalDate.now(clock).toString());
        form.put("metric.potential", "on");
        METRICS.forEach(m -> form.put("weight." + m, "1"));
        return form;
    }

    private String render(
            AttainUser user,
            Long job,
            Map<String, String> form,
            Map<String, String> errors,
            Map<String, String> acceptErrors,
            Locale locale,
            Model model) {
        return render(user, job, form, errors, acceptErrors, locale, model, Map.of());
    }

    private String render(
            AttainUser user,
            Long job,
            Map<String, String> form,
            Map<String, String> errors,
            Map<String, String> acceptErrors,
            Locale locale,
            Model model,
            Map<String, String> acceptForm) {
        List<Hierarchy> hierarchies = territories.hierarchies();
        model.addAttribute("hierarchies", hierarchies);
        if (!form.containsKey("hierarchy") && !hierarchies.isEmpty()) {
            form.put("hierarchy", String.valueOf(hierarchies.get(0).id()));
        }
        LocalDate today = LocalDate.now(clock);
        List<Territory> scopes = territories.inForce(null, today).stream()
                .filter(t -> t.level() != Level.TERRITORY)
                .toList();
        if (!form.containsKey("under")) {
            // One region by default, as a run without a scope does: the chosen hierarchy's with the most territories.
            String hierarchy = form.getOrDefault("hierarchy", "");
            form.put(
                    "under",
                    hierarchy.matches("\\d{1,18}")
                            ? company.defaultScope(Long.parseLong(hierarchy), today)
                                    .map(t -> String.valueOf(t.id()))
                                    .orElse(WHOLE)
                            : WHOLE);
        }
        model.addAttribute("scopes", scopes);
        model.addAttribute("metrics", METRICS);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("acceptErrors", acceptErrors);
        model.addAttribute("acceptForm", acceptForm);
        model.addAttribute("defaultEffectiveFrom", today.withDayOfMonth(1).plusMonths(1));
        BalanceJobs.Job shown = job == null ? null : jobs.find(job).orElse(null);
        model.addAttribute("job", shown);
        CompanyBalance.Context context =
                job == null ? null : company.context(job).orElse(null);
        model.addAttribute("context", context);
        if (shown != null && shown.result() != null && context != null) {
            BalanceView view = BalanceView.of(shown.result(), context, company.accepted(job), messages, locale);
            model.addAttribute("view", view);
        }
        return "territory/balance";
    }

    private CompanyBalance.Options options(Map<String, String> form, Map<String, String> errors) {
        Long hierarchy = number(form, "hierarchy", errors, Long::valueOf);
        String scope = form.getOrDefault("under", "").strip();
        boolean whole = WHOLE.equals(scope);
        Long under = scope.isBlank() || whole ? null : number(form, "under", errors, Long::valueOf);
        List<CompanyBalance.MetricChoice> metrics = new ArrayList<>();
        for (String m : METRICS) {
            if (form.containsKey("metric." + m)) {
                BigDecimal weight = number(form, "weight." + m, errors, BigDecimal::new);
                metrics.add(new CompanyBalance.MetricChoice(m, weight));
            }
        }
        BigDecimal bandPercent = number(form, "band", errors, BigDecimal::new);
        BigDecimal disruption = number(form, "disruption", errors, BigDecimal::new);
        Integer timeLimit = number(form, "timeLimit", errors, Integer::valueOf);
        LocalDate day = null;
        String dayText = form.getOrDefault("day", "").strip();
        if (!dayText.isEmpty()) {
            try {
                day = LocalDate.parse(dayText);
            } catch (DateTimeParseException e) {
                errors.put("day", dayText);
            }
        }
        List<String> locked = Arrays.stream(form.getOrDefault("locked", "").split("[,;\\s]+"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        return new CompanyBalance.Options(
                hierarchy,
                day,
                under,
                metrics,
                bandPercent == null ? null : bandPercent.movePointLeft(2),
                disruption,
                timeLimit,
                locked,
                form.get("currency"),
                whole);
    }

    private static <T> T number(
            Map<String, String> form,
            String field,
            Map<String, String> errors,
            java.util.function.Function<String, T> parse) {
        String v = form.getOrDefault(field, "").strip().replace(',', '.');
        if (v.isEmpty()) {
            return null;
        }
        try {
            return parse.apply(v);
        } catch (NumberFormatException e) {
            errors.put(field, v);
            return null;
        }
    }

    /** The form field a problem names: metrics[1].weight → weight of that metric; lockedAccounts[0] → locked. */
    private String formField(String field) {
        if (field.startsWith("lockedAccounts")) {
            return "locked";
        }
        if (field.startsWith("metrics")) {
            return "metrics";
        }
        return switch (field) {
            case "hierarchyId" -> "hierarchy";
            case "disruptionWeight" -> "disruption";
            case "timeLimitSeconds" -> "timeLimit";
            default -> field;
        };
    }

    private String text(String code, String fallback, List<Object> args, Locale locale) {
        Object[] resolved = args.stream()
                .map(a -> a instanceof String s && s.startsWith("territory.")
                        ? messages.getMessage(new DefaultMessageSourceResolvable(s), locale)
                        : a)
                .toArray();
        return messages.getMessage(code, resolved, fallback, locale);
    }

    private static void planner(AttainUser user) {
        if (user == null || !(user.has(Role.ADMIN) || user.has(Role.COMP_ADMIN))) {
            throw new ForbiddenException("territory.forbidden", "Only admins and comp admins plan territories.");
        }
    }
}
