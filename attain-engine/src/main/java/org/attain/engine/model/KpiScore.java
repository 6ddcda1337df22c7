package org.attain.engine.model;

import java.math.BigDecimal;
import java.util.Objects;
import org.attain.engine.time.PeriodId;

/** An MBO/KPI result for a payee and period, as a fraction of target (1.00 = objective fully met). */
public record KpiScore(PersonId person, PeriodId period, String kpi, BigDecimal score) implements java.io.Serializable {

    public KpiScore {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(kpi, "kpi");
        Objects.requireNonNull(score, "score");
    }
}
