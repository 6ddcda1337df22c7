package org.attain.engine.whatif;

import java.util.List;
import org.attain.engine.calc.PayeePeriodResult;
import org.attain.engine.model.PersonId;
import org.attain.engine.money.Money;
import org.attain.engine.time.PeriodId;

/** The payee's statement without and with the hypothetical deal, and the lines that change. */
public record WhatIfResult(
        PersonId payee,
        PeriodId period,
        PayeePeriodResult before,
        PayeePeriodResult after,
        List<LineChange> changes,
        Money earningsDelta) {

    public WhatIfResult {
        changes = List.copyOf(changes);
    }
}
