package org.attain.game.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.attain.access.AttainUser;
import org.attain.game.AchievementRules;
import org.attain.game.Award;
import org.attain.game.Board;
import org.attain.game.BoardView;
import org.attain.game.Contest;
import org.attain.game.ContestStandings;
import org.attain.game.Contests;
import org.attain.game.Leaderboards;
import org.attain.game.TvLinks;
import org.attain.platform.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Leaderboards, contests, awards and points over REST; boards apply the same privacy as their pages. */
@RestController
@RequestMapping("/api/v1/game")
@Tag(name = "Gamification", description = "Leaderboards, contests, prizes paid as SPIFFs, points")
class GameApi {

    private final Leaderboards boards;
    private final Contests contests;
    private final AchievementRules achievements;
    private final TvLinks tv;

    GameApi(Leaderboards boards, Contests contests, AchievementRules achievements, TvLinks tv) {
        this.boards = boards;
        this.contests = contests;
        this.achievements = achievements;
        this.tv = tv;
    }

    record NewTvLink(String name, List<Long> boards) {}

    record CreatedTvLink(TvLinks.Link link, String token, String path) {}

    @PostMapping("/tv-links")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create a read-only TV link to boards (admins and comp admins)",
            description = "The token is returned this once (only its hash is stored); open path without login.")
    CreatedTvLink createTvLink(@AuthenticationPrincipal AttainUser user, @RequestBody NewTvLink in) {
        TvLinks.Created c = tv.create(user, in == null ? null : in.name(), in == null ? null : in.boards());
        return new CreatedTvLink(c.link(), c.token(), "/tv/" + c.token());
    }

    @GetMapping("/tv-links")
    List<TvLinks.Link> tvLinks(@AuthenticationPrincipal AttainUser user) {
        only(user);
        return tv.all();
    }

    @PostMapping("/tv-links/{id}/revoke")
    @Operation(summary = "Revoke a TV link: it is refused (410) from the next request on")
    TvLinks.Link revokeTvLink(@AuthenticationPrincipal AttainUser user, @PathVariable long id) {
        return tv.revoke(user, id);
    }

    @GetMapping("/achievement-rules")
    List<AchievementRules.Rule> rules(@AuthenticationPrincipal AttainUser user) {
        only(user);
        return achievements.all();
    }

    @PostMapping("/achievement-rules")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create an achievement rule",
            description = "kind: COUNT_IN_WINDOW (threshold of metric within days), FIRST_DEAL_OVER (a won deal over "
                    + "threshold), BADGE (times achievements within days), STREAK (times weeks in a row at threshold or "
                    + "more); metric: BOOKINGS, DEALS_WON, CALLS, MEETINGS; points: optional; applyToPast: count the "
                    + "last 366 days too (otherwise only from today).")
    AchievementRules.Rule createRule(
            @AuthenticationPrincipal AttainUser user, @RequestBody AchievementRules.NewRule in) {
        return achievements.create(
                user, in == null ? new AchievementRules.NewRule(null, null, null, null, null, null, null, null) : in);
    }

    @PostMapping("/achievement-rules/evaluate")
    @Operation(summary = "Evaluate every rule up to today; returns how many achievements were new (never twice)")
    java.util.Map<String, Integer> evaluate(@AuthenticationPrincipal AttainUser user) {
        only(user);
        return java.util.Map.of("awarded", achievements.evaluate());
    }

    @GetMapping("/achievements/me")
    List<AchievementRules.Earned> myAchievements(@AuthenticationPrincipal AttainUser user) {
        return user.personId() == null ? List.of() : achievements.of(user.personId());
    }

    private static void only(AttainUser user) {
        if (!Leaderboards.mayManage(user)) {
            throw new org.attain.platform.ForbiddenException(
                    "game.forbidden", "Only admins, comp admins and managers manage achievements.");
        }
    }

    @GetMapping("/boards")
    List<Board> boards() {
        return boards.all();
    }

    @PostMapping("/boards")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create a leaderboard",
            description =
                    "metric: BOOKINGS, DEALS_WON, ATTAINMENT, CALLS, MEETINGS, PIPELINE (open now), PIPELINE_CREATED "
                            + "(opportunities created in the window), FORMULA (with formula: a CEL expression over the "
                            + "others by lower-case name, e.g. bookings + 1000 * meetings); basis: VALUE, PERCENT_OF_GOAL "
                            + "(bookings against the bookings quota), IMPROVEMENT (over the previous period); bands: percentile bands "
                            + "instead of other people's ranks; scope: INDIVIDUAL or TEAM; visibility: EVERYONE, TEAM, ME_AND_LEADERS; "
                            + "period: a period id such as 2026-Q4.")
    Board createBoard(@AuthenticationPrincipal AttainUser user, @RequestBody Leaderboards.NewBoard in) {
        return boards.create(
                user, in == null ? new Leaderboards.NewBoard(null, null, null, null, null, null, null, null) : in);
    }

    @GetMapping("/boards/{id}")
    @Operation(
            summary = "A board as the caller may see it",
            description =
                    "On percent-of-goal and attainment boards other reps' values are null (value and percent would "
                            + "give away their quota or pay); on banded boards other people's rank and score are null.")
    BoardView board(@AuthenticationPrincipal AttainUser user, @PathVariable long id) {
        return boards.view(user, id);
    }

    @GetMapping("/contests")
    List<Contest> contests(@AuthenticationPrincipal AttainUser user) {
        return contests.all().stream().filter(c -> sees(user, c)).toList();
    }

    @PostMapping("/contests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create a contest",
            description = "kind: RACE (needs target), CLASSIC, ELIMINATION (needs intervalDays); metric as for boards "
                    + "(not ATTAINMENT), FORMULA with formula; participants: employee "
                    + "ids or e-mails; prizes: [{place, cash, currency, points}]. Each problem names its field.")
    Contest createContest(@AuthenticationPrincipal AttainUser user, @RequestBody Contests.NewContest in) {
        return contests.create(
                user,
                in == null ? new Contests.NewContest(null, null, null, null, null, null, null, null, null, null) : in);
    }

    @GetMapping("/contests/{id}")
    ContestStandings contest(@AuthenticationPrincipal AttainUser user, @PathVariable long id) {
        Contest c =
                contests.find(id).filter(x -> sees(user, x)).orElseThrow(() -> new NotFoundException("contest", id));
        return contests.standings(c.id());
    }

    @PostMapping("/contests/{id}/settle")
    @Operation(summary = "Settle an ended contest: awards per prize place, points granted, cash waiting for approval")
    List<Award> settle(@AuthenticationPrincipal AttainUser user, @PathVariable long id) {
        return contests.settle(user, id);
    }

    @GetMapping("/contests/{id}/awards")
    List<Award> awards(@AuthenticationPrincipal AttainUser user, @PathVariable long id) {
        Contest c =
                contests.find(id).filter(x -> sees(user, x)).orElseThrow(() -> new NotFoundException("contest", id));
        List<Award> all = contests.awards(c.id());
        return Leaderboards.mayManage(user)
                ? all
                : all.stream()
                        .filter(a -> user.personId() != null && a.personId() == user.personId())
                        .toList();
    }

    @PostMapping("/awards/{id}/approve")
    @Operation(summary = "Approve a cash prize: paid once, as a SPIFF adjustment in the month the contest ended")
    Award approve(@AuthenticationPrincipal AttainUser user, @PathVariable long id) {
        return contests.approve(user, id);
    }

    @GetMapping("/points/me")
    Contests.Points myPoints(@AuthenticationPrincipal AttainUser user) {
        if (user.personId() == null) {
            return new Contests.Points(0, List.of());
        }
        return contests.points(user.personId());
    }

    static boolean sees(AttainUser user, Contest c) {
        return Leaderboards.mayManage(user)
                || (user.personId() != null && c.participants().contains(user.personId()));
    }
}
