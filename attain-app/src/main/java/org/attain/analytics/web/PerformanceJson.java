package org.attain.analytics.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attain.analytics.Figures;
import org.attain.analytics.PeerStanding;
import org.attain.analytics.PerformanceAnalytics;

/** The performance API's documents, written field by field so the contract does not move with the records. */
final class PerformanceJson {

    private PerformanceJson() {}

    static Map<String, Object> overview(PerformanceAnalytics.Overview o) {
        return overview(o, Map.of());
    }

    /** With each region's and team's latest eNPS (pulse's, suppression applied) under "enps" where there is one. */
    static Map<String, Object> overview(
            PerformanceAnalytics.Overview o, Map<String, org.attain.pulse.PulseByGroup.GroupEnps> pulse) {
        Map<String, Object> out = new LinkedHashMap<>();
        range(out, o.range());
        out.put("empty", o.empty());
        out.put("group", withPulse(group(o.group()), PulseBeside.json(PulseBeside.of(pulse, o.group()))));
        out.put(
                "children",
                o.children().stream()
                        .map(g -> withPulse(group(g), PulseBeside.json(PulseBeside.of(pulse, g))))
                        .toList());
        out.put("reps", o.reps().stream().map(PerformanceJson::rep).toList());
        return out;
    }

    static Map<String, Object> rep(PerformanceAnalytics.RepView v) {
        Map<String, Object> out = new LinkedHashMap<>();
        range(out, v.range());
        out.put("empty", v.empty());
        out.put("left_on", v.leftOn() == null ? null : v.leftOn().toString());
        Map<String, Object> rep = rep(v.rep());
        rep.put("coverage", v.coverage());
        rep.put("months", months(v.rep().months()));
        out.put("rep", rep);
        out.put("peers", v.peers().stream().map(PerformanceJson::peer).toList());
        return out;
    }

    private static Map<String, Object> withPulse(Map<String, Object> group, Map<String, Object> enps) {
        if (enps != null) {
            group.put("enps", enps);
        }
        return group;
    }

    private static void range(Map<String, Object> out, PerformanceAnalytics.Range r) {
        out.put("from", r.from().toString());
        out.put("to", r.to().toString());
    }

    static Map<String, Object> group(PerformanceAnalytics.Group g) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("level", g.level());
        out.put("id", g.id());
        out.put("name", g.name());
        out.put("reps", g.reps());
        out.put("median_attainment", g.medianAttainment());
        out.put("coverage", g.coverage());
        figures(out, g.figures());
        out.put("months", months(g.months()));
        return out;
    }

    static Map<String, Object> rep(PerformanceAnalytics.Rep r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.personId());
        out.put("name", r.name());
        out.put("role", r.role());
        out.put("team", r.team());
        out.put("region", r.region());
        out.put("currency", r.currency());
        out.put("attainment", r.attainment());
        figures(out, r.figures());
        return out;
    }

    private static List<Map<String, Object>> months(List<PerformanceAnalytics.Month> months) {
        return months.stream()
                .map(m -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("month", m.month().toString().substring(0, 7));
                    figures(out, m.figures());
                    return out;
                })
                .toList();
    }

    private static void figures(Map<String, Object> out, Figures f) {
        out.put("bookings", f.bookings());
        out.put("won_deals", f.deals());
        out.put("average_deal_size", f.averageDealSize());
        out.put("win_rate", f.winRate());
        out.put("sales_cycle_days", f.salesCycleDays());
        out.put("opportunities", f.opportunities());
        out.put("opportunities_won", f.won());
        out.put("opportunities_lost", f.lost());
        out.put("calls", f.calls());
        out.put("meetings", f.meetings());
        out.put("emails", f.emails());
        out.put("webinars", f.webinars());
        out.put(
                "funnel",
                f.funnel().stream()
                        .map(s -> {
                            Map<String, Object> step = new LinkedHashMap<>();
                            step.put("step", s.key());
                            step.put("count", s.count());
                            step.put("conversion", s.conversion());
                            return step;
                        })
                        .toList());
    }

    private static Map<String, Object> peer(PeerStanding p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("metric", p.metric());
        out.put("value", p.value());
        out.put("peer_median", p.median());
        out.put("from_median", p.fromMedian());
        out.put("percentile", p.percentile());
        out.put("peers", p.peers());
        out.put("lower_is_better", p.lowerIsBetter());
        return out;
    }
}
