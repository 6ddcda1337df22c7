package org.attain.quota;

import java.util.Map;
import org.attain.calcinputs.CalcInputContributor;
import org.attain.engine.calc.CalculationInput;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.Proration;
import org.attain.engine.model.Quota;
import org.attain.engine.money.CurrencyUnit;
import org.attain.engine.money.Money;
import org.attain.engine.time.PeriodId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Adds the payees' quotas to a run's snapshot (only the payees' own for a run over a few of them). */
@Component
class QuotasForCalculation implements CalcInputContributor {

    private final JdbcClient jdbc;

    QuotasForCalculation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void contribute(CalculationInput.Builder input, Scope run) {
        String onlyThem = run.everyone() ? "" : " where person_id = any(:ids)";
        jdbc.sql("select person_id, period_id, measure, amount, currency, prorate from quota" + onlyThem)
                .params(run.everyone() ? Map.of() : Map.of("ids", run.payees().toArray(Long[]::new)))
                .query((rs, n) -> new Quota(
                        PersonId.of(Long.toString(rs.getLong(1))),
                        PeriodId.parse(rs.getString(2)),
                        rs.getString(3),
                        Money.of(rs.getBigDecimal(4), CurrencyUnit.of(rs.getString(5))),
                        rs.getBoolean(6) ? Proration.BY_DAYS_ON_PLAN : Proration.NONE))
                .list()
                .forEach(input::quota);
    }
}
