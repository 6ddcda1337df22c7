package org.attain.fx;

import org.attain.calcinputs.CalcInputContributor;
import org.attain.engine.calc.CalculationInput;
import org.attain.engine.money.CurrencyUnit;
import org.attain.engine.money.FxRate;
import org.springframework.stereotype.Component;

/** Adds every FX rate to a run's snapshot (a payee's deals may be in any currency). */
@Component
class FxRatesForCalculation implements CalcInputContributor {

    private final FxRates rates;

    FxRatesForCalculation(FxRates rates) {
        this.rates = rates;
    }

    @Override
    public void contribute(CalculationInput.Builder input, Scope run) {
        rates.all()
                .forEach(r -> input.fxRate(new FxRate(
                        CurrencyUnit.of(r.fromCurrency()),
                        CurrencyUnit.of(r.toCurrency()),
                        r.effectiveFrom(),
                        r.rate())));
    }
}
