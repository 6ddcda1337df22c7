package org.attain.engine.calc;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attain.engine.model.KpiScore;
import org.attain.engine.model.PersonId;
import org.attain.engine.time.PeriodId;

/** MBO/KPI scores by payee, period and objective. */
public final class KpiBook {

    private final Map<String, BigDecimal> scores;

    public KpiBook(List<KpiScore> list) {
        Map<String, BigDecimal> map = new HashMap<>();
        for (KpiScore s : list) {
            map.put(key(s.person(), s.period(), s.kpi()), s.score());
        }
        this.scores = Map.copyOf(map);
    }

    public Optional<BigDecimal> score(PersonId person, PeriodId period, String kpi) {
        return Optional.ofNullable(scores.get(key(person, period, kpi)));
    }

    private static String key(PersonId person, PeriodId period, String kpi) {
        return person.value() + "\u0000" + period + "\u0000" + kpi;
    }
}
