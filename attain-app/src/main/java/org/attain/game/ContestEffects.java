package org.attain.game;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.org.People;
import org.attain.org.PersonView;
import org.attain.org.Visibility;
import org.attain.platform.ForbiddenException;
import org.attain.platform.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * What a contest did, for managers: participation (who has progressed during the contest, who has not moved) and
 * the effect on its metric: each participant's value over the contest so far against the same number of days just
 * before it, and the totals. A manager sees the participants in their reporting subtree ({@code org.Visibility}),
 * admins and comp admins everyone; the totals are over the rows shown.
 */
@Service
public class ContestEffects {

    private final Contests contests;
    private final Metrics metrics;
    private final People people;
    private final Visibility visibility;
    private final Clock clock;

    ContestEffects(Contests contests, Metrics metrics, People people, Visibility visibility, Clock clock) {
        this.contests = contests;
        this.metrics = metrics;
        this.people = people;
        this.visibility = visibility;
        this.clock = clock;
    }

    /** One participant: the value during the contest and before it, the change, and whether they moved at all. */
    public record Row(
            long personId,
            String name,
            BigDecimal during,
            BigDecimal before,
            BigDecimal change,
            BigDecimal changePercent,
            boolean moved) {}

    /**
     * The windows compared (during: the contest's days up to today or its end; before: as many days just before), the
     * rows (those who moved first, by their change), totals, and how many moved.
     */
    public record Effect(
            Contest contest,
            Window.Days during,
            Window.Days before,
            List<Row> rows,
            BigDecimal totalDuring,
            BigDecimal totalBefore,
            BigDecimal totalChange,
            BigDecimal totalChangePercent,
            int moved,
            int notMoved,
            String currency,
            boolean started) {}

    public Effect of(AttainUser user, long contestId) {
        if (!Leaderboards.mayManage(user)) {
            throw new ForbiddenException(
                    "game.forbidden", "Only admins, comp admins and managers see a contest's effect.");
        }
        Contest c = contests.find(contestId).orElseThrow(() -> new NotFoundException("contest", contestId));
        LocalDate today = LocalDate.now(clock);
        boolean started = !today.isBefore(c.startsOn());
        LocalDate to = today.isAfter(c.endsOn()) ? c.endsOn() : (started ? today : c.startsOn());
        Window.Days during = new Window.Days(c.startsOn(), to);
        Window.Days before = during.before();
        List<Long> shown = c.participants().stream()
                .filter(p -> user.seesEveryone() || visibility.canSee(user, p))
                .toList();
        Metrics.Measured now = started
                ? metrics.measure(c.metric(), c.formula(), shown, during.from(), during.to(), null)
                : new Metrics.Measured(Map.of(), null, java.util.Set.of());
        Metrics.Measured then = metrics.measure(c.metric(), c.formula(), shown, before.from(), before.to(), null);
        List<Row> rows = new ArrayList<>();
        BigDecimal totalDuring = BigDecimal.ZERO;
        BigDecimal totalBefore = BigDecimal.ZERO;
        int moved = 0;
        for (Long p : shown) {
            BigDecimal d = now.values().getOrDefault(p, BigDecimal.ZERO);
            BigDecimal b = then.values().getOrDefault(p, BigDecimal.ZERO);
            boolean m = d.signum() != 0;
            moved += m ? 1 : 0;
            totalDuring = totalDuring.add(d);
            totalBefore = totalBefore.add(b);
            String name = people.find(p, c.endsOn()).map(PersonView::name).orElse(String.valueOf(p));
            rows.add(new Row(p, name, d, b, d.subtract(b), percent(d, b), m));
        }
        rows.sort(Comparator.comparing(Row::moved, Comparator.reverseOrder())
                .thenComparing(Row::change, Comparator.reverseOrder())
                .thenComparing(Row::name)
                .thenComparing(Row::personId));
        return new Effect(
                c,
                during,
                before,
                List.copyOf(rows),
                totalDuring,
                totalBefore,
                totalDuring.subtract(totalBefore),
                percent(totalDuring, totalBefore),
                moved,
                shown.size() - moved,
                then.currency(),
                started);
    }

    /** The change in percent of before (two decimals); null when before is zero (no base to compare with). */
    static BigDecimal percent(BigDecimal during, BigDecimal before) {
        if (before.signum() == 0) {
            return null;
        }
        return during.subtract(before)
                .multiply(BigDecimal.valueOf(100))
                .divide(before.abs(), 2, RoundingMode.HALF_EVEN);
    }
}
