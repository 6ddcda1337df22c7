package org.attain.home.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.home.SalesSnapshot;
import org.attain.org.People;
import org.attain.org.PersonView;
import org.attain.org.Teams;
import org.attain.pay.Earnings;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/** One home page, three views: what a rep, a manager and the back office each come for first. */
@Controller
class HomePage {

    private final People people;
    private final Teams teams;
    private final Periods periods;
    private final SalesSnapshot sales;
    private final Earnings earnings;
    private final Clock clock;
    private final RenderedPages pages;
    private final Inbox inbox;

    HomePage(
            People people,
            Teams teams,
            Periods periods,
            SalesSnapshot sales,
            Earnings earnings,
            Clock clock,
            RenderedPages pages,
            Inbox inbox) {
        this.inbox = inbox;
        this.people = people;
        this.teams = teams;
        this.periods = periods;
        this.sales = sales;
        this.earnings = earnings;
        this.clock = clock;
        this.pages = pages;
    }

    record TeamRow(PersonView person, SalesSnapshot.Figures figures, Earnings.Summary statement) {}

    /** Share of the period's days that have passed: what attainment should be compared with. */
    static java.math.BigDecimal pace(Periods.Span period, LocalDate today) {
        long total = java.time.temporal.ChronoUnit.DAYS.between(period.startsOn(), period.endsOn()) + 1;
        long passed =
                Math.min(total, Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(period.startsOn(), today) + 1));
        return java.math.BigDecimal.valueOf(passed)
                .divide(java.math.BigDecimal.valueOf(total), 4, java.math.RoundingMode.DOWN);
    }

    @GetMapping("/")
    ModelAndView home(@AuthenticationPrincipal AttainUser user, Model model, java.util.Locale locale) {
        LocalDate today = LocalDate.now(clock);
        var quarter = periods.currentSpan(PeriodKind.QUARTER);
        model.addAttribute("quarter", quarter);
        model.addAttribute("today", today);
        List<Long> directReports = List.of();
        if (user.personId() != null) {
            People.WithReports personAndReports = people.findWithReports(user.personId(), today);
            personAndReports.person().ifPresent(me -> {
                // The person row already names the manager in force today; no second look-up.
                model.addAttribute("person", me);
                // Back-office staff are not paid on sales: their home has no pay or booking cards.
                if (me.roleType() != org.attain.org.RoleType.ADMIN) {
                    SalesSnapshot.Mine mine =
                            sales.mine(me, quarter.startsOn(), quarter.endsOn(), today.minusDays(30), today, 8);
                    model.addAttribute("myFigures", mine.figures());
                    model.addAttribute("recentDeals", mine.recentDeals());
                    // The headline only: the home page shows no lines, so it neither reads nor parses their traces.
                    Earnings.Statement statement = earnings.headline(me.id(), quarter.id());
                    model.addAttribute("myStatement", statement);
                    if (statement.attainment() != null) {
                        model.addAttribute(
                                "gaugeWidth",
                                statement
                                        .attainment()
                                        .min(java.math.BigDecimal.ONE)
                                        .movePointRight(2));
                    }
                    model.addAttribute("pace", pace(quarter, today));
                    model.addAttribute("activityMix", mine.activityMix());
                }
            });
            List<PersonView> reports = personAndReports.reports();
            directReports = reports.stream().map(PersonView::id).toList();
            if (!reports.isEmpty()) {
                Map<Long, SalesSnapshot.Figures> figures = sales.figures(reports, quarter.startsOn(), quarter.endsOn());
                Map<Long, Earnings.Summary> pay = earnings.summariesOf(
                        reports.stream().map(PersonView::id).toList(), quarter.id());
                model.addAttribute(
                        "team",
                        reports.stream()
                                .map(p -> new TeamRow(
                                        p,
                                        figures.getOrDefault(p.id(), SalesSnapshot.Figures.empty(p.id())),
                                        pay.get(p.id())))
                                .sorted(Comparator.comparing(
                                                (TeamRow r) -> r.figures().bookings())
                                        .reversed())
                                .toList());
            }
        }
        if (user.seesEveryone()) {
            model.addAttribute("teams", teams.all());
            model.addAttribute("regionBookings", sales.bookingsByRegion(quarter.startsOn(), quarter.endsOn()));
            model.addAttribute(
                    "headcount",
                    people.list(org.attain.org.PersonScope.everyone(), People.Filter.none(), today, 0, 1)
                            .total());
            model.addAttribute("openPeriods", periods.list(PeriodKind.QUARTER, quarter.fiscalYear()));
        }
        model.addAttribute("isManager", user.has(Role.MANAGER));
        model.addAttribute("inbox", inbox.entriesFor(user, directReports));
        // Cards only for what the role does: a rep's own selling, the back office's company overview.
        model.addAttribute("sells", user.has(Role.REP));
        model.addAttribute("showHeadcount", user.has(Role.ADMIN) || user.has(Role.COMP_ADMIN));
        model.addAttribute("showBookings", user.has(Role.COMP_ADMIN) || user.has(Role.FINANCE));
        model.addAttribute("showQuarters", user.has(Role.COMP_ADMIN) || user.has(Role.FINANCE) || user.has(Role.ADMIN));
        model.addAttribute("live", true);
        // The figures above are read on every request; the page is rendered again only when they changed.
        return new ModelAndView(pages.view("home", user, locale));
    }
}
