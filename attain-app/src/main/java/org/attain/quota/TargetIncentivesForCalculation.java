package org.attain.quota;

import java.util.Map;
import org.attain.calcinputs.CalcInputContributor;
import org.attain.engine.calc.CalculationInput;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.TargetIncentive;
import org.attain.engine.money.CurrencyUnit;
import org.attain.engine.money.Money;
import org.attain.engine.time.PeriodId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Adds the payees' target incentives (and base salaries) to a run's snapshot, as stored: the engine finds a period's. */
@Component
class TargetIncentivesForCalculation implements CalcInputContributor {

    private final JdbcClient jdbc;

    TargetIncentivesForCalculation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void contribute(CalculationInput.Builder input, Scope run) {
        String onlyThem = run.everyone() ? "" : " where person_id = any(:ids)";
        jdbc.sql("select person_id, period_id, target, base, currency from target_incentive" + onlyThem
                        + " order by person_id, period_id")
                .params(run.everyone() ? Map.of() : Map.of("ids", run.payees().toArray(Long[]::new)))
                .query((rs, n) -> {
                    CurrencyUnit currency = CurrencyUnit.of(rs.getString(5));
                    return new TargetIncentive(
                            PersonId.of(Long.toString(rs.getLong(1))),
                            PeriodId.parse(rs.getString(2)),
                            Money.of(rs.getBigDecimal(3), currency),
                            rs.getBigDecimal(4) == null ? null : Money.of(rs.getBigDecimal(4), currency));
                })
                .list()
                .forEach(input::targetIncentive);
    }
}
