package org.attain.objectives.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.objectives.ObjectiveScores;
import org.attain.org.People;
import org.attain.org.PersonView;
import org.attain.org.Visibility;
import org.attain.platform.InvalidInputException;
import org.attain.platform.LocaleNumbers;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The objectives page: a manager picks one of the people below them and a period and scores their MBO objectives in
 * percent (empty: unscored); a rep sees their own, read-only. Scores are saved all or none.
 */
@Controller
class ObjectivePages {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ObjectiveScores scores;
    private final Periods periods;
    private final People people;
    private final Visibility visibility;
    private final Clock clock;

    ObjectivePages(ObjectiveScores scores, Periods periods, People people, Visibility visibility, Clock clock) {
        this.scores = scores;
        this.periods = periods;
        this.people = people;
        this.visibility = visibility;
        this.clock = clock;
    }

    @GetMapping("/objectives")
    String page(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) Long person,
            @RequestParam(required = false) String period,
            Locale locale,
            Model model) {
        String p = period == null || period.isBlank()
                ? periods.currentSpan(PeriodKind.QUARTER).id()
                : period;
        List<PersonView> choices = choices(user);
        Long who = person != null
                ? person
                : choices.isEmpty()
                        ? user.personId()
                        : Long.valueOf(choices.get(0).id());
        model.addAttribute("period", p);
        model.addAttribute("periods", choosablePeriods());
        model.addAttribute("choices", choices);
        model.addAttribute("person", who);
        if (who != null) {
            ObjectiveScores.Sheet sheet = scores.sheet(user, who, p);
            model.addAttribute("sheet", sheet);
            Map<String, String> shown = new HashMap<>();
            sheet.lines().forEach(l -> shown.put(l.objective(), percent(l.score(), locale)));
            model.addAttribute("scoreText", shown);
            Map<String, String> weights = new HashMap<>();
            sheet.lines().forEach(l -> weights.put(l.objective(), percent(l.weight(), locale)));
            model.addAttribute("weightText", weights);
        }
        return "objectives/sheet";
    }

    @PostMapping("/objectives")
    String save(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam long person,
            @RequestParam String period,
            @RequestParam(name = "objective", required = false) List<String> objectives,
            @RequestParam(name = "score", required = false) List<String> typed,
            Locale locale,
            RedirectAttributes flash) {
        Map<String, BigDecimal> given = new LinkedHashMap<>();
        List<String> unreadable = new ArrayList<>();
        List<String> ids = objectives == null ? List.of() : objectives;
        for (int i = 0; i < ids.size(); i++) {
            String text = typed == null || i >= typed.size() ? "" : typed.get(i);
            if (text == null || text.isBlank()) {
                given.put(ids.get(i), null);
                continue;
            }
            var n = LocaleNumbers.parse(text, locale);
            if (n.isEmpty()) {
                unreadable.add(ids.get(i));
            } else {
                given.put(ids.get(i), n.get().divide(HUNDRED));
            }
        }
        if (!unreadable.isEmpty()) {
            flash.addFlashAttribute("problem", "objectives.page.unreadable");
            flash.addFlashAttribute("messageArg", String.join(", ", unreadable));
            return redirect(person, period);
        }
        try {
            int changed = scores.score(user, person, period, given, o -> o);
            flash.addFlashAttribute("notice", "objectives.page.saved");
            flash.addFlashAttribute("messageArg", Integer.toString(changed));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problem", "objectives.page.rejected");
            flash.addFlashAttribute(
                    "messageArg",
                    String.join(
                            "; ",
                            e.problems().stream()
                                    .map(f -> f.field() + ": " + f.reason())
                                    .toList()));
        }
        return redirect(person, period);
    }

    /** The people the caller may score (below them), by name; none for a rep. */
    private List<PersonView> choices(AttainUser user) {
        LocalDate today = LocalDate.now(clock);
        return people.list(visibility.scopeOf(user), People.Filter.none(), today, 0, 500).items().stream()
                .filter(v -> ObjectiveScores.mayScore(user, v.id()))
                .toList();
    }

    /** This fiscal year's and last year's quarters and months. */
    private List<String> choosablePeriods() {
        int year = periods.currentSpan(PeriodKind.QUARTER).fiscalYear();
        List<String> out = new ArrayList<>();
        for (int y = year; y >= year - 1; y--) {
            for (PeriodKind kind : List.of(PeriodKind.QUARTER, PeriodKind.MONTH)) {
                periods.list(kind, y).forEach(r -> out.add(r.id()));
            }
        }
        return out;
    }

    private static String percent(BigDecimal fraction, Locale locale) {
        return fraction == null
                ? ""
                : LocaleNumbers.format(fraction.multiply(HUNDRED).setScale(2, RoundingMode.HALF_EVEN), locale);
    }

    private static String redirect(long person, String period) {
        return "redirect:/objectives?person=" + person + "&period=" + period;
    }
}
