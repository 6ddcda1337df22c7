package org.attain.pulse.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.platform.InvalidInputException;
import org.attain.pulse.GroupSuppression;
import org.attain.pulse.PulseSurveys;
import org.attain.pulse.PulseSurveys.GroupResult;
import org.attain.pulse.SurveyRefused;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The survey pages: a person's open surveys and the answer form; for admins, comp admins and managers the surveys
 * they may read with a trend, the form to send a new one, and one survey's results per group.
 */
@Controller
class PulsePages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PulseSurveys surveys;
    private final MessageSource messages;
    private final Clock clock;

    PulsePages(PulseSurveys surveys, MessageSource messages, Clock clock) {
        this.surveys = surveys;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/pulse")
    String home(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) String group,
            Locale locale,
            Model model) {
        model.addAttribute("invitations", surveys.invitations(user));
        boolean reader = PulseSurveys.mayCreate(user) || user.seesEveryone();
        model.addAttribute("reader", reader);
        model.addAttribute("sender", PulseSurveys.mayCreate(user));
        if (reader) {
            model.addAttribute("surveys", surveys.surveys(user));
            List<PulseSurveys.GroupKey> keys = surveys.trendGroups(user);
            model.addAttribute("trendGroups", keys);
            PulseSurveys.GroupKey chosen = keys.stream()
                    .filter(k -> key(k).equals(group))
                    .findFirst()
                    .orElse(keys.isEmpty() ? null : keys.get(0));
            model.addAttribute("trendGroup", chosen == null ? null : key(chosen));
            if (chosen != null) {
                List<PulseSurveys.TrendPoint> points = surveys.trend(user, chosen.kind(), chosen.refId());
                Map<String, Object> chart = new LinkedHashMap<>();
                chart.put("labels", points.stream().map(p -> p.title()).toList());
                chart.put("enps", points.stream().map(p -> p.enps()).toList());
                model.addAttribute("trendJson", JSON.writeValueAsString(chart));
                model.addAttribute("trend", points);
                model.addAttribute("trendName", groupName(chosen.kind(), chosen.name(), locale));
            }
        }
        return "pulse/home";
    }

    static String key(PulseSurveys.GroupKey k) {
        return k.kind() + "-" + (k.refId() == null ? "" : k.refId());
    }

    @GetMapping("/pulse/answer/{token}")
    String form(@PathVariable String token, Locale locale, Model model) {
        try {
            model.addAttribute("form", surveys.form(token));
            model.addAttribute("token", token);
        } catch (SurveyRefused e) {
            model.addAttribute("problems", problems(e, locale));
        }
        return "pulse/answer";
    }

    @PostMapping("/pulse/answer/{token}")
    String answer(
            @PathVariable String token,
            @RequestParam Map<String, String> fields,
            Locale locale,
            Model model,
            RedirectAttributes flash) {
        Map<Long, String> items = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (k.startsWith("q-")) {
                items.put(Long.parseLong(k.substring(2)), v);
            }
        });
        String scoreText = fields.get("score");
        Integer score = null;
        if (scoreText != null && scoreText.strip().matches("-?\\d{1,3}")) {
            score = Integer.parseInt(scoreText.strip());
        }
        try {
            Integer sent = score == null && scoreText != null ? Integer.valueOf(-1) : score;
            surveys.answer(token, new PulseSurveys.NewAnswer(sent, items));
            flash.addFlashAttribute("notice", messages.getMessage("pulse.thanks", null, locale));
            return "redirect:/pulse";
        } catch (SurveyRefused e) {
            model.addAttribute("problems", problems(e, locale));
            try {
                model.addAttribute("form", surveys.form(token));
                model.addAttribute("token", token);
                model.addAttribute("given", fields);
            } catch (SurveyRefused used) {
                // the token is gone: the page shows the refusal only
            }
            return "pulse/answer";
        }
    }

    @GetMapping("/pulse/surveys/new")
    String newSurvey(@AuthenticationPrincipal AttainUser user, Model model) {
        if (!PulseSurveys.mayCreate(user)) {
            throw new org.attain.platform.NotFoundException("page", "/pulse/surveys/new");
        }
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("teams", surveys.teamsFor(user));
        model.addAttribute("everyone", user.seesEveryone());
        model.addAttribute("subtree", user.personId() != null);
        model.addAttribute("defaultOpens", today);
        model.addAttribute("defaultCloses", today.plusDays(14));
        model.addAttribute("minimum", GroupSuppression.DEFAULT_MINIMUM);
        return "pulse/new";
    }

    @PostMapping("/pulse/surveys")
    String send(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam Map<String, String> fields,
            @RequestParam(name = "teamIds", required = false) List<Long> teamIds,
            Locale locale,
            Model model,
            RedirectAttributes flash) {
        try {
            List<PulseSurveys.NewQuestion> questions = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                String text = fields.get("q" + i + "Text");
                if (text != null && !text.isBlank()) {
                    String kind = fields.getOrDefault("q" + i + "Kind", "SCALE");
                    questions.add(new PulseSurveys.NewQuestion(PulseSurveys.QuestionKind.valueOf(kind), text));
                }
            }
            PulseSurveys.Survey survey = surveys.send(
                    new PulseSurveys.NewSurvey(
                            fields.get("title"),
                            fields.get("question"),
                            number(fields.get("promoterMin")),
                            number(fields.get("passiveMin")),
                            number(fields.get("minGroupSize")),
                            date(fields.get("opensOn")),
                            date(fields.get("closesOn")),
                            PulseSurveys.Target.valueOf(fields.getOrDefault("target", "TEAMS")),
                            teamIds == null ? List.of() : teamIds,
                            questions),
                    user);
            flash.addFlashAttribute(
                    "notice",
                    messages.getMessage("pulse.sent", new Object[] {survey.title(), survey.recipients()}, locale));
            return "redirect:/pulse/surveys/" + survey.id();
        } catch (InvalidInputException | IllegalArgumentException | java.time.DateTimeException e) {
            model.addAttribute(
                    "problems",
                    e instanceof InvalidInputException invalid
                            ? problems(invalid, locale)
                            : List.of(messages.getMessage("pulse.refused.form", null, locale)));
            model.addAttribute("given", fields);
            model.addAttribute("givenTeams", teamIds == null ? List.of() : teamIds);
            newSurvey(user, model);
            return "pulse/new";
        }
    }

    @GetMapping("/pulse/surveys/{id}")
    String results(@AuthenticationPrincipal AttainUser user, @PathVariable long id, Locale locale, Model model) {
        PulseSurveys.Results results = surveys.results(id, user);
        model.addAttribute("results", results);
        model.addAttribute("survey", results.survey());
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Object> chart = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        List<Integer> promoters = new ArrayList<>();
        List<Integer> passives = new ArrayList<>();
        List<Integer> detractors = new ArrayList<>();
        for (GroupResult g : results.groups()) {
            Map<String, Object> row = new LinkedHashMap<>();
            String name = groupName(g.kind(), g.name(), locale);
            row.put("g", g);
            row.put("name", name);
            row.put("hiddenText", hiddenText(g, locale));
            rows.add(row);
            if (g.shown()) {
                names.add(name);
                promoters.add(g.tally().promoters());
                passives.add(g.tally().passives());
                detractors.add(g.tally().detractors());
            }
        }
        chart.put("groups", names);
        chart.put("promoters", promoters);
        chart.put("passives", passives);
        chart.put("detractors", detractors);
        model.addAttribute("rows", rows);
        model.addAttribute("chartJson", JSON.writeValueAsString(chart));
        model.addAttribute("anyShown", !names.isEmpty());
        model.addAttribute("open", results.survey().openOn(LocalDate.now(clock)));
        return "pulse/results";
    }

    private String groupName(String kind, String name, Locale locale) {
        return "ALL".equals(kind) ? messages.getMessage("pulse.group.all", null, locale) : name;
    }

    private String hiddenText(GroupResult g, Locale locale) {
        if (g.shown()) {
            return null;
        }
        if (g.reason() == GroupSuppression.Reason.TOO_FEW) {
            return messages.getMessage("pulse.hidden.tooFew", null, locale);
        }
        String other = g.revealsRest()
                ? messages.getMessage("pulse.hidden.rest", new Object[] {groupLabel(g.revealsName(), locale)}, locale)
                : groupLabel(g.revealsName(), locale);
        return messages.getMessage("pulse.hidden.wouldReveal", new Object[] {other}, locale);
    }

    private String groupLabel(String name, Locale locale) {
        return name == null || name.isEmpty() ? messages.getMessage("pulse.group.all", null, locale) : name;
    }

    private static Integer number(String text) {
        return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
    }

    private static LocalDate date(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
    }

    private List<String> problems(InvalidInputException e, Locale locale) {
        if (e instanceof SurveyRefused refused) {
            return refused.details().stream()
                    .map(p -> messages.getMessage(p.code(), p.args().toArray(), p.field() + ": " + p.reason(), locale))
                    .toList();
        }
        return e.problems().stream()
                .map(p -> messages.getMessage(p.code(), null, p.field() + ": " + p.reason(), locale))
                .toList();
    }
}
