package org.attain.engine.calc;

import java.util.List;
import org.attain.engine.model.TransactionId;
import org.attain.engine.money.Money;
import org.attain.engine.time.PeriodId;

/**
 * One statement line: a component's earnings (rounded once, HALF_EVEN, to the currency's minor unit),
 * the uncapped amount when a cap or floor changed it, the qualifying transactions and the trace.
 * Clawbacks, prior-period adjustments ({@code forPeriod} set) and manual adjustments are lines too.
 */
public record EarningsLine(
        String component,
        String kind,
        String plan,
        Money amount,
        Money uncapped,
        List<TransactionId> qualifying,
        PeriodId forPeriod,
        Trace trace)
        implements java.io.Serializable {

    public EarningsLine {
        qualifying = List.copyOf(qualifying);
    }

    /** The plan version that paid this line, when the run had several versions of its plan. */
    public java.util.Optional<String> planVersion() {
        for (TraceStep s : trace.steps()) {
            if (VersionedEvaluator.STEP.equals(s.step()) && !s.args().isEmpty()) {
                return java.util.Optional.of(s.args().get(0));
            }
        }
        return java.util.Optional.empty();
    }
}
