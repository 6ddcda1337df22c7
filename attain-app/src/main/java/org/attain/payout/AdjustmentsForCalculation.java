package org.attain.payout;

import org.attain.calcinputs.CalcInputContributor;
import org.attain.engine.calc.CalculationInput;
import org.attain.engine.model.ManualAdjustment;
import org.attain.engine.model.PersonId;
import org.attain.engine.money.CurrencyUnit;
import org.attain.engine.money.Money;
import org.attain.engine.time.PeriodId;
import org.springframework.stereotype.Component;

/** Manual adjustments are paid by the engine like any other line, with their reason in the trace. */
@Component
class AdjustmentsForCalculation implements CalcInputContributor {

    private final Adjustments adjustments;

    AdjustmentsForCalculation(Adjustments adjustments) {
        this.adjustments = adjustments;
    }

    @Override
    public void contribute(CalculationInput.Builder input, Scope run) {
        adjustments
                .forPeriods(run.periods().stream().map(PeriodId::toString).toList())
                .forEach(a -> input.adjustment(new ManualAdjustment(
                        PersonId.of(Long.toString(a.personId())),
                        PeriodId.parse(a.periodId()),
                        Money.of(a.amount(), CurrencyUnit.of(a.currency())),
                        a.reason())));
    }
}
