package org.attain.objectives;

import java.util.Map;
import org.attain.calcinputs.CalcInputContributor;
import org.attain.engine.calc.CalculationInput;
import org.attain.engine.model.KpiScore;
import org.attain.engine.model.PersonId;
import org.attain.engine.time.PeriodId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Adds the scored objectives to a run as the engine's KPI scores (only the payees' own for a run over a few). */
@Component
class ObjectiveScoresForCalculation implements CalcInputContributor {

    private final JdbcClient jdbc;

    ObjectiveScoresForCalculation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void contribute(CalculationInput.Builder input, Scope run) {
        String onlyThem = run.everyone() ? "" : " where person_id = any(:ids)";
        jdbc.sql("select person_id, period_id, objective, score from objective_score" + onlyThem)
                .params(run.everyone() ? Map.of() : Map.of("ids", run.payees().toArray(Long[]::new)))
                .query((rs, n) -> new KpiScore(
                        PersonId.of(Long.toString(rs.getLong(1))),
                        PeriodId.parse(rs.getString(2)),
                        rs.getString(3),
                        rs.getBigDecimal(4)))
                .list()
                .forEach(input::kpiScore);
    }
}
