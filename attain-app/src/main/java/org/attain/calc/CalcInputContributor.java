package org.attain.calc;

import java.util.List;
import org.attain.engine.calc.CalculationInput;
import org.attain.engine.time.PeriodId;

/**
 * A capability that owns some of the engine's inputs (manual adjustments, KPI scores …) adds them to
 * a run's snapshot through this, so the calculation does not read other capabilities' tables.
 */
public interface CalcInputContributor {

    void contribute(CalculationInput.Builder input, List<PeriodId> periods);
}
