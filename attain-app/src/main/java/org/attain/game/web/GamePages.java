package org.attain.game.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.game.AchievementRules;
import org.attain.game.BoardScope;
import org.attain.game.BoardVisibility;
import org.attain.game.Contest;
import org.attain.game.ContestKind;
import org.attain.game.Contests;
import org.attain.game.Leaderboards;
import org.attain.game.Metric;
import org.attain.game.RankingBasis;
import org.attain.game.TvLinks;
import org.attain.platform.FieldProblem;
import org.attain.platform.ForbiddenException;
import org.attain.platform.InvalidInputException;
import org.attain.platform.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages: {@code /game} (boards, my contests and points), a board ({@code /game/boards/{id}}: my position and
 * band first), a contest, and {@code /game/manage} (create boards and contests). Refused forms come back with
 * what was typed and a message per field in the page's language.
 */
@Controller
class GamePages {

    private final Leaderboards boards;
    private final Contests contests;
    private final Periods periods;
    private final MessageSource messages;
    private final Clock clock;
    private final AchievementRules achievements;
    private final TvLinks tv;

    GamePages(
            Leaderboards boards,
            Contests contests,
            AchievementRules achievements,
            TvLinks tv,
            Periods periods,
            MessageSource messages,
            Clock clock) {
        this.boards = boards;
        this.contests = contests;
        this.achievements = achievements;
        this.tv = tv;
        this.periods = periods;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/game")
    String index(@AuthenticationPrincipal AttainUser user, Model model) {
        model.addAttribute("boards", boards.all());
        model.addAttribute(
                "contests",
                contests.all().stream().filter(c -> GameApi.sees(user, c)).toList());
        model.addAttribute("points", user.personId() == null ? null : contests.points(user.personId()));
        model.addAttribute("earned", user.personId() == null ? null : achievements.of(user.personId()));
        model.addAttribute("manages", Leaderboards.mayManage(user));
        return "game/index";
    }

    @GetMapping("/game/boards/{id}")
    String board(@AuthenticationPrincipal AttainUser user, @PathVariable long id, Model model) {
        model.addAttribute("view", boards.view(user, id));
        // calc's live updates (SSE): the page refetches itself when a run touches someone this user may see.
        model.addAttribute("live", true);
        return "game/board";
    }

    /**
     * Only the board's standing (my position and the table), as its viewer may see it: what an open board page fetches
     * when its board changes. The full page would also render the menu and header for every open screen at once.
     */
    @GetMapping("/game/boards/{id}/standing")
    String standing(@AuthenticationPrincipal AttainUser user, @PathVariable long id, Model model) {
        model.addAttribute("view", boards.view(user, id));
        return "game/board :: standing";
    }

    @GetMapping("/game/contests/{id}")
    String contest(@AuthenticationPrincipal AttainUser user, @PathVariable long id, Model model) {
        Contest c = contests.find(id)
                .filter(x -> GameApi.sees(user, x))
                .orElseThrow(() -> new NotFoundException("contest", id));
        org.attain.game.ContestStandings standings = contests.standings(c.id());
        model.addAttribute("standings", standings);
        Map<String, String> names = new LinkedHashMap<>();
        standings.places().forEach(p -> names.put(String.valueOf(p.personId()), p.name()));
        model.addAttribute("names", names);
        model.addAttribute(
                "awards",
                contests.awards(c.id()).stream()
                        .filter(a -> Leaderboards.mayManage(user)
                                || (user.personId() != null && a.personId() == user.personId()))
                        .toList());
        model.addAttribute("manages", Leaderboards.mayManage(user));
        // Where I stand: my place, and how far to the target (a race) or to first place (the others).
        org.attain.game.ContestStandings.Place mine = standings.places().stream()
                .filter(p -> user.personId() != null && p.personId() == user.personId())
                .findFirst()
                .orElse(null);
        model.addAttribute("mine", mine);
        if (mine != null && !standings.places().isEmpty()) {
            java.math.BigDecimal first = standings.places().get(0).value();
            model.addAttribute("behind", first.subtract(mine.value()).max(java.math.BigDecimal.ZERO));
            if (c.target() != null) {
                model.addAttribute("toGo", c.target().subtract(mine.value()).max(java.math.BigDecimal.ZERO));
            }
        }
        return "game/contest";
    }

    @GetMapping("/game/manage")
    String manage(@AuthenticationPrincipal AttainUser user, Model model) {
        only(user);
        Map<String, String> board = new LinkedHashMap<>();
        board.put("period", periods.current(PeriodKind.QUARTER).id());
        Map<String, String> contest = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock);
        contest.put("startsOn", today.toString());
        contest.put("endsOn", today.plusDays(27).toString());
        contest.put("intervalDays", "7");
        return manage(model, board, Map.of(), contest, Map.of());
    }

    private String manage(
            Model model,
            Map<String, String> board,
            Map<String, String> boardErrors,
            Map<String, String> contest,
            Map<String, String> contestErrors) {
        return manage(model, board, boardErrors, contest, contestErrors, Map.of(), Map.of());
    }

    private String manage(
            Model model,
            Map<String, String> board,
            Map<String, String> boardErrors,
            Map<String, String> contest,
            Map<String, String> contestErrors,
            Map<String, String> rule,
            Map<String, String> ruleErrors) {
        model.addAttribute("rule", rule);
        model.addAttribute("ruleErrors", ruleErrors);
        model.addAttribute("ruleKinds", AchievementRules.Kind.values());
        model.addAttribute("ruleMetrics", List.of(Metric.BOOKINGS, Metric.DEALS_WON, Metric.CALLS, Metric.MEETINGS));
        model.addAttribute("rules", achievements.all());
        model.addAttribute("tvLinks", tv.all());
        if (!model.containsAttribute("tvErrors")) {
            model.addAttribute("tvErrors", Map.of());
        }
        model.addAttribute("achieved", achievements.counts());
        model.addAttribute("board", board);
        model.addAttribute("boardErrors", boardErrors);
        model.addAttribute("contest", contest);
        model.addAttribute("contestErrors", contestErrors);
        model.addAttribute("metrics", Metric.values());
        model.addAttribute("bases", RankingBasis.values());
        model.addAttribute("scopes", BoardScope.values());
        model.addAttribute("visibilities", BoardVisibility.values());
        model.addAttribute("kinds", ContestKind.values());
        model.addAttribute("periods", periods.list(PeriodKind.QUARTER, null));
        model.addAttribute("windows", org.attain.game.Window.Kind.values());
        model.addAttribute("boards", boards.all());
        model.addAttribute("contests", contests.all());
        return "game/manage";
    }

    @PostMapping("/game/boards")
    String createBoard(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        only(user);
        try {
            long id = boards.create(
                            user,
                            new Leaderboards.NewBoard(
                                    form.get("name"),
                                    form.get("metric"),
                                    form.get("basis"),
                                    form.containsKey("bands"),
                                    form.get("scope"),
                                    form.get("visibility"),
                                    form.get("period"),
                                    form.get("formula"),
                                    form.get("window"),
                                    form.get("from"),
                                    form.get("to"),
                                    whole(form.getOrDefault("days", ""))))
                    .id();
            redirect.addFlashAttribute("notice", "game.notice.boardCreated");
            return "redirect:/game/boards/" + id;
        } catch (InvalidInputException e) {
            return manage(model, form, errors(e.problems()), defaults(), Map.of());
        }
    }

    @PostMapping("/game/contests")
    String createContest(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        only(user);
        List<String> participants =
                List.of(form.getOrDefault("participants", "").split("[,;\\s]+"));
        List<Contests.NewPrize> prizes = new ArrayList<>();
        for (int place = 1; place <= 3; place++) {
            String cash = form.getOrDefault("cash" + place, "");
            String points = form.getOrDefault("points" + place, "");
            String item = form.getOrDefault("item" + place, "");
            if (cash.isBlank() && points.isBlank() && item.isBlank()) {
                continue;
            }
            prizes.add(new Contests.NewPrize(
                    place, cash, form.get("currency" + place), whole(points), item, form.get("code" + place)));
        }
        try {
            long id = contests.create(
                            user,
                            new Contests.NewContest(
                                    form.get("name"),
                                    form.get("kind"),
                                    form.get("metric"),
                                    form.get("startsOn"),
                                    form.get("endsOn"),
                                    form.get("target"),
                                    whole(form.getOrDefault("intervalDays", "")),
                                    participants,
                                    prizes,
                                    form.get("formula"),
                                    form.get("window"),
                                    whole(form.getOrDefault("days", "")),
                                    form.get("period"),
                                    form.get("teamScore")))
                    .id();
            redirect.addFlashAttribute("notice", "game.notice.contestCreated");
            return "redirect:/game/contests/" + id;
        } catch (InvalidInputException e) {
            Map<String, String> board = new LinkedHashMap<>();
            board.put("period", periods.current(PeriodKind.QUARTER).id());
            return manage(model, board, Map.of(), form, errors(e.problems()));
        }
    }

    @PostMapping("/game/achievement-rules")
    String createRule(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        only(user);
        try {
            achievements.create(
                    user,
                    new AchievementRules.NewRule(
                            form.get("name"),
                            form.get("kind"),
                            form.get("metric"),
                            form.get("threshold"),
                            whole(form.getOrDefault("days", "")),
                            whole(form.getOrDefault("times", "")),
                            whole(form.getOrDefault("points", "")),
                            form.containsKey("applyToPast")));
            int added = achievements.evaluate();
            redirect.addFlashAttribute("notice", "game.notice.ruleCreated");
            redirect.addFlashAttribute("awarded", added);
            return "redirect:/game/manage";
        } catch (InvalidInputException e) {
            Map<String, String> board = new LinkedHashMap<>();
            board.put("period", periods.current(PeriodKind.QUARTER).id());
            return manage(model, board, Map.of(), defaults(), Map.of(), form, errors(e.problems()));
        }
    }

    @PostMapping("/game/tv-links")
    String createTvLink(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) List<Long> boards,
            Model model,
            RedirectAttributes redirect) {
        only(user);
        try {
            TvLinks.Created created = tv.create(user, name, boards);
            redirect.addFlashAttribute("notice", "game.notice.tvCreated");
            redirect.addFlashAttribute("tvPath", "/tv/" + created.token());
            return "redirect:/game/manage";
        } catch (InvalidInputException e) {
            model.addAttribute("tvErrors", errors(e.problems()));
            model.addAttribute("tvName", name);
            Map<String, String> board = new LinkedHashMap<>();
            board.put("period", periods.current(PeriodKind.QUARTER).id());
            return manage(model, board, Map.of(), defaults(), Map.of());
        }
    }

    @PostMapping("/game/tv-links/{id}/revoke")
    String revokeTvLink(@AuthenticationPrincipal AttainUser user, @PathVariable long id, RedirectAttributes redirect) {
        tv.revoke(user, id);
        redirect.addFlashAttribute("notice", "game.notice.tvRevoked");
        return "redirect:/game/manage";
    }

    @PostMapping("/game/achievement-rules/evaluate")
    String evaluate(@AuthenticationPrincipal AttainUser user, RedirectAttributes redirect) {
        only(user);
        redirect.addFlashAttribute("notice", "game.notice.evaluated");
        redirect.addFlashAttribute("awarded", achievements.evaluate());
        return "redirect:/game/manage";
    }

    @PostMapping("/game/contests/{id}/settle")
    String settle(@AuthenticationPrincipal AttainUser user, @PathVariable long id, RedirectAttributes redirect) {
        try {
            contests.settle(user, id);
            redirect.addFlashAttribute("notice", "game.notice.settled");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(
                    "problems", List.copyOf(errors(e.problems()).values()));
        }
        return "redirect:/game/contests/" + id;
    }

    @PostMapping("/game/awards/{id}/approve")
    String approve(@AuthenticationPrincipal AttainUser user, @PathVariable long id, RedirectAttributes redirect) {
        long contest = contests.award(id)
                .orElseThrow(() -> new NotFoundException("award", id))
                .contestId();
        try {
            contests.approve(user, id);
            redirect.addFlashAttribute("notice", "game.notice.paid");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(
                    "problems", List.copyOf(errors(e.problems()).values()));
        }
        return "redirect:/game/contests/" + contest;
    }

    private Map<String, String> defaults() {
        Map<String, String> contest = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock);
        contest.put("startsOn", today.toString());
        contest.put("endsOn", today.plusDays(27).toString());
        contest.put("intervalDays", "7");
        return contest;
    }

    private static Integer whole(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Codes whose reason ends in details (names, the CEL error) shown after the translated message. */
    private static final java.util.Set<String> DETAILED = java.util.Set.of(
            "game.error.unknownParticipants",
            "game.error.formulaUnknown",
            "game.error.formulaInvalid",
            "game.error.teamless",
            "game.error.bracketShort",
            "game.error.prizeTwice",
            "game.error.sameContest");

    /** One message per field in the page's language (the first problem of a field wins); list details kept. */
    private Map<String, String> errors(List<FieldProblem> problems) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> out = new LinkedHashMap<>();
        for (FieldProblem p : problems) {
            String text = messages.getMessage(p.code(), null, p.reason(), locale);
            if (DETAILED.contains(p.code()) && p.reason().contains(": ")) {
                text = text + " " + p.reason().substring(p.reason().indexOf(": ") + 2);
            }
            String field = p.field().startsWith("prizes[") ? "prizes" : p.field();
            out.putIfAbsent(field, text);
        }
        return out;
    }

    private static void only(AttainUser user) {
        if (!Leaderboards.mayManage(user)) {
            throw new ForbiddenException(
                    "game.forbidden", "Only admins, comp admins and managers manage leaderboards and contests.");
        }
    }
}
