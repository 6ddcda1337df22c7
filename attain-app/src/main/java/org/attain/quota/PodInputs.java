package org.attain.quota;

import java.time.LocalDate;
import org.attain.calcinputs.CalcInputContributor;
import org.attain.engine.calc.CalculationInput;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.TeamId;
import org.attain.engine.model.TeamMembership;
import org.attain.engine.model.TeamQuota;
import org.attain.engine.money.CurrencyUnit;
import org.attain.engine.money.Money;
import org.attain.engine.time.DateRange;
import org.attain.engine.time.PeriodId;
import org.attain.org.Teams;
import org.springframework.stereotype.Component;

/**
 * Adds pods to a run's snapshot: team names, effective-dated team memberships and team quotas. Team ids
 * and person ids are the database ids as text, as everywhere in the engine input. All three are small
 * (one row per team, per membership, per team and period), so they are loaded whole; the engine reads
 * them only for plans with components on {@code attainment: pod}.
 */
@Component
class PodInputs implements CalcInputContributor {

    private final Teams teams;
    private final TeamQuotas teamQuotas;

    PodInputs(Teams teams, TeamQuotas teamQuotas) {
        this.teams = teams;
        this.teamQuotas = teamQuotas;
    }

    @Override
    public void contribute(CalculationInput.Builder input, Scope run) {
        teams.names().forEach((id, name) -> input.team(team(id), name));
        for (Teams.Membership m : teams.memberships()) {
            LocalDate last = m.validUntil() == null ? OPEN_END : m.validUntil().minusDays(1);
            if (last.isBefore(m.validFrom())) {
                continue;
            }
            input.teamMembership(new TeamMembership(
                    PersonId.of(Long.toString(m.personId())), team(m.teamId()), new DateRange(m.validFrom(), last)));
        }
        for (TeamQuotas.Stored q : teamQuotas.all()) {
            input.teamQuota(new TeamQuota(
                    team(q.teamId()),
                    PeriodId.parse(q.periodId()),
                    q.measure(),
                    Money.of(q.amount(), CurrencyUnit.of(q.currency()))));
        }
    }

    private static TeamId team(long id) {
        return TeamId.of(Long.toString(id));
    }
}
