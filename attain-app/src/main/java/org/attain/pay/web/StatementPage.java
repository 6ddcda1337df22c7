package org.attain.pay.web;

import java.util.List;
import org.attain.access.AttainUser;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.org.People;
import org.attain.org.Visibility;
import org.attain.pay.Earnings;
import org.attain.platform.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A payee's statement for one period: every line, and for each line the path from deal to amount. */
@Controller
class StatementPage {

    private final Earnings earnings;
    private final Visibility visibility;
    private final Periods periods;
    private final People people;
    private final java.time.Clock clock;
    private final org.attain.calc.CalcRuns runs;
    private final org.attain.pay.OnTargetEarnings onTarget;

    StatementPage(
            Earnings earnings,
            Visibility visibility,
            Periods periods,
            People people,
            java.time.Clock clock,
            org.attain.calc.CalcRuns runs,
            org.attain.pay.OnTargetEarnings onTarget) {
        this.runs = runs;
        this.onTarget = onTarget;
        this.earnings = earnings;
        this.visibility = visibility;
        this.periods = periods;
        this.people = people;
        this.clock = clock;
    }

    @GetMapping("/people/{id}/statement")
    String statement(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @RequestParam(required = false) String period,
            Model model) {
        if (!visibility.canSee(user, id)) {
            throw new NotFoundException("person", id);
        }
        var person =
                people.find(id, java.time.LocalDate.now(clock)).orElseThrow(() -> new NotFoundException("person", id));
        var current = periods.current(PeriodKind.QUARTER);
        String p = period == null || period.isBlank() ? current.id() : period.trim();
        var row = periods.find(p).orElseThrow(() -> new NotFoundException("period", p));
        // The last two years, and any earlier quarter a run over chosen periods calculated (and the one asked for).
        java.util.Set<String> calculated = runs.calculatedPeriods();
        List<Periods.PeriodRow> quarters = periods.list(PeriodKind.QUARTER, null).stream()
                .filter(q -> !q.startsOn().isAfter(current.startsOn()) || q.id().equals(row.id()))
                .filter(q -> !q.endsOn().isBefore(current.startsOn().minusYears(2))
                        || calculated.contains(q.id())
                        || q.id().equals(row.id()))
                .toList();
        // Months a monthly plan calculated for the person (e.g. measured on the quarter, paid each month).
        java.util.Set<String> months = earnings.monthsCalculated(id);
        if (!months.isEmpty() || row.kind() == PeriodKind.MONTH) {
            List<Periods.PeriodRow> withMonths = new java.util.ArrayList<>(quarters);
            periods.list(PeriodKind.MONTH, null).stream()
                    .filter(m -> months.contains(m.id()) || m.id().equals(row.id()))
                    .forEach(withMonths::add);
            withMonths.sort(java.util.Comparator.comparing(Periods.PeriodRow::startsOn)
                    .thenComparing(r -> r.kind() == PeriodKind.MONTH));
            quarters = withMonths;
        }
        model.addAttribute("person", person);
        model.addAttribute("period", row);
        model.addAttribute("quarters", quarters);
        Earnings.Statement statement = earnings.statement(id, p);
        model.addAttribute("statement", statement);
        model.addAttribute(
                "ote",
                onTarget.of(id, p, statement.calculated() ? statement.earnings() : null, statement.currency())
                        .orElse(null));
        model.addAttribute("live", true);
        return "pay/statement";
    }
}
