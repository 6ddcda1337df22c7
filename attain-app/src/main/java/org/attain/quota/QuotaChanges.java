package org.attain.quota;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** One bulk edit of payee and team quotas: all or none, and who must be recalculated afterwards. */
@Service
class QuotaChanges {

    private final Quotas quotas;
    private final TeamQuotas teamQuotas;

    QuotaChanges(Quotas quotas, TeamQuotas teamQuotas) {
        this.quotas = quotas;
        this.teamQuotas = teamQuotas;
    }

    record Outcome(int changed, int teamsChanged, Set<Long> people) {
    }

    @Transactional
    Outcome set(List<Quotas.Change> rows, List<TeamQuotas.Change> teams, String actor) {
        int changed = rows.isEmpty() ? 0 : quotas.set(rows, actor);
        TeamQuotas.Outcome team = teams.isEmpty() ? new TeamQuotas.Outcome(0, Set.of()) : teamQuotas.set(teams, actor);
        Set<Long> people = new TreeSet<>(team.members());
        if (changed > 0) {
            rows.forEach(r -> people.add(r.personId()));
        }
        return new Outcome(changed, team.changed(), people);
    }
}
