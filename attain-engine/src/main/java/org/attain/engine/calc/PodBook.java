package org.attain.engine.calc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.Pods;
import org.attain.engine.model.TeamId;
import org.attain.engine.model.TeamMembership;
import org.attain.engine.model.TeamQuota;
import org.attain.engine.money.Money;
import org.attain.engine.time.DateRange;
import org.attain.engine.time.FiscalCalendar;
import org.attain.engine.time.PeriodId;

/**
 * Team (pod) memberships and quotas, indexed once per run. A pod's quota for a period is the one set for
 * exactly that period, or else the sum of those set for the months/quarters inside it (as for payees).
 */
final class PodBook {

    private final Pods pods;
    private final Map<PersonId, List<TeamMembership>> byPerson;
    private final Map<TeamId, List<TeamMembership>> byTeam;
    private final Map<TeamId, List<TeamQuota>> quotas;
    private final FiscalCalendar calendar;

    PodBook(Pods pods, FiscalCalendar calendar) {
        this.pods = pods;
        this.calendar = calendar;
        Comparator<TeamMembership> order = Comparator.comparing(
                        (TeamMembership m) -> m.during().first())
                .thenComparing(TeamMembership::person)
                .thenComparing(TeamMembership::team);
        this.byPerson = group(pods.memberships(), TeamMembership::person, order);
        this.byTeam = group(pods.memberships(), TeamMembership::team, order);
        this.quotas = group(pods.quotas(), TeamQuota::team, Comparator.comparing(TeamQuota::period));
    }

    String name(TeamId team) {
        return pods.name(team);
    }

    /** The payee's memberships overlapping {@code range}, oldest first. */
    List<TeamMembership> membershipsOf(PersonId person, DateRange range) {
        List<TeamMembership> result = new ArrayList<>();
        for (TeamMembership m : byPerson.getOrDefault(person, List.of())) {
            if (m.during().overlaps(range)) {
                result.add(m);
            }
        }
        return result;
    }

    /** Everyone's memberships of the team overlapping {@code range}, in start order. */
    List<TeamMembership> members(TeamId team, DateRange range) {
        List<TeamMembership> result = new ArrayList<>();
        for (TeamMembership m : byTeam.getOrDefault(team, List.of())) {
            if (m.during().overlaps(range)) {
                result.add(m);
            }
        }
        return result;
    }

    /** A pod quota and how it was found, for the trace. */
    record Found(Money amount, String explanation) implements java.io.Serializable {}

    Optional<Found> quota(TeamId team, String measure, boolean quotaMeasure, PeriodId period) {
        List<TeamQuota> candidates = quotas.getOrDefault(team, List.of());
        for (TeamQuota q : candidates) {
            if (q.period().equals(period) && matches(q, measure, quotaMeasure)) {
                return Optional.of(new Found(
                        q.amount(), q.period() + " pod quota " + q.amount().toPlainString()));
            }
        }
        DateRange range = calendar.range(period);
        Money sum = null;
        StringBuilder how = new StringBuilder();
        for (TeamQuota q : candidates) {
            if (q.period().kind().compareTo(period.kind()) < 0 && matches(q, measure, quotaMeasure)) {
                DateRange inner = calendar.range(q.period());
                if (range.contains(inner.first()) && range.contains(inner.last())) {
                    sum = sum == null ? q.amount() : sum.plus(q.amount());
                    how.append(how.length() == 0 ? "" : " + ")
                            .append(q.period())
                            .append(' ')
                            .append(q.amount().toPlainString());
                }
            }
        }
        return sum == null ? Optional.empty() : Optional.of(new Found(sum, "sum of pod quotas " + how));
    }

    private static boolean matches(TeamQuota q, String measure, boolean quotaMeasure) {
        return q.measure() == null ? quotaMeasure : q.measure().equals(measure);
    }

    private static <K, V> Map<K, List<V>> group(
            List<V> values, java.util.function.Function<V, K> key, Comparator<V> order) {
        Map<K, List<V>> map = new HashMap<>();
        for (V v : values) {
            map.computeIfAbsent(key.apply(v), k -> new ArrayList<>()).add(v);
        }
        map.replaceAll((k, v) -> v.stream().sorted(order).toList());
        return Map.copyOf(map);
    }
}
