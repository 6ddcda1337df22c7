package org.attain.quota;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One bulk edit of payee and team quotas: all or none. Publishes who must be recalculated afterwards
 * ({@link QuotasChanged}, in the background: the page or API answers first).
 */
@Service
public class QuotaChanges {

    private final Quotas quotas;
    private final TeamQuotas teamQuotas;
    private final ApplicationEventPublisher events;

    QuotaChanges(Quotas quotas, TeamQuotas teamQuotas, ApplicationEventPublisher events) {
        this.quotas = quotas;
        this.teamQuotas = teamQuotas;
        this.events = events;
    }

    public record Outcome(int changed, int teamsChanged, Set<Long> people) {}

    @Transactional
    public Outcome set(List<Quotas.Change> rows, List<TeamQuotas.Change> teams, String actor) {
        int changed = rows.isEmpty() ? 0 : quotas.set(rows, actor);
        TeamQuotas.Outcome team = teams.isEmpty() ? new TeamQuotas.Outcome(0, Set.of()) : teamQuotas.set(teams, actor);
        Set<Long> people = new TreeSet<>(team.members());
        if (changed > 0) {
            rows.forEach(r -> people.add(r.personId()));
        }
        if (!people.isEmpty()) {
            events.publishEvent(new QuotasChanged(people, "quotas changed", actor, true));
        }
        return new Outcome(changed, team.changed(), people);
    }
}
