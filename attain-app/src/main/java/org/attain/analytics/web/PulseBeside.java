package org.attain.analytics.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.attain.analytics.PerformanceAnalytics;
import org.attain.pulse.PulseByGroup;
import org.attain.pulse.PulseByGroup.GroupEnps;

/**
 * The pulse (eNPS) of a region or team beside its performance: pulse's latest result per group, keyed by the
 * performance group's level and id. A hidden group keeps its reason and no number, as on the survey's page.
 */
final class PulseBeside {

    private PulseBeside() {}

    static Map<String, GroupEnps> byKey(Map<PulseByGroup.Level, Map<Long, GroupEnps>> latest) {
        Map<String, GroupEnps> out = new HashMap<>();
        latest.forEach((level, groups) -> groups.forEach((id, e) -> out.put(level.name() + "-" + id, e)));
        return out;
    }

    static GroupEnps of(Map<String, GroupEnps> byKey, PerformanceAnalytics.Group g) {
        return g.id() == null ? null : byKey.get(g.level() + "-" + g.id());
    }

    static Map<String, Object> json(GroupEnps e) {
        if (e == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("survey_id", e.surveyId());
        out.put("survey", e.surveyTitle());
        out.put("closes_on", e.closesOn().toString());
        out.put("shown", e.shown());
        if (e.shown()) {
            out.put("enps", e.enps());
            out.put("answers", e.answers());
            out.put("response_percent", e.responsePercent());
        } else {
            out.put("hidden_reason", e.reason().name());
        }
        return out;
    }
}
