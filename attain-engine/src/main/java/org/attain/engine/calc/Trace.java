package org.attain.engine.calc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why an earnings line has its amount: the contributing transactions (source -> credit -> tier ->
 * amount) and the line-level steps (measure, quota, attainment, gate, cap, rounding). Serialises to
 * plain maps and lists of strings so any JSON writer can store or show it.
 */
public record Trace(List<TraceStep> steps, List<Contribution> contributions) implements java.io.Serializable {

    public Trace {
        steps = List.copyOf(steps);
        contributions = List.copyOf(contributions);
    }

    public static Trace of(TraceStep... steps) {
        return new Trace(List.of(steps), List.of());
    }

    public Trace plus(TraceStep step) {
        List<TraceStep> more = new ArrayList<>(steps);
        more.add(step);
        return new Trace(more, contributions);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        List<Map<String, Object>> txns = new ArrayList<>();
        for (Contribution c : contributions) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("transaction", c.transaction().value());
            m.put("date", c.date().toString());
            m.put("source_amount", c.source() == null ? null : c.source().toString());
            m.put("credit_rule", c.rule());
            m.put("via", c.via() == null ? null : c.via().value());
            if (c.territory() != null) {
                m.put("territory", c.territory().id());
                m.put("territory_role", c.territory().role().text());
            }
            m.put("share", c.share() == null ? null : c.share().toPlainString());
            m.put("fx_rate", c.fxFactor() == null ? null : c.fxFactor().toPlainString());
            m.put("credited", c.credited() == null ? null : c.credited().toString());
            List<Map<String, Object>> slices = new ArrayList<>();
            for (TierSlice s : c.slices()) {
                Map<String, Object> sm = new LinkedHashMap<>();
                sm.put("tier", s.tier());
                sm.put("bounds", s.bounds());
                sm.put("base", s.base().toPlainString());
                sm.put("rate", s.rate().toPlainString());
                sm.put("amount", s.amount().toPlainString());
                slices.add(sm);
            }
            m.put("tiers", slices);
            m.put("amount", c.amount().toPlainString());
            txns.add(m);
        }
        map.put("transactions", txns);
        List<Map<String, Object>> stepMaps = new ArrayList<>();
        for (TraceStep s : steps) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("step", s.step());
            m.put("detail", s.detail());
            if (s.code() != null) {
                m.put("code", s.code());
                m.put("args", s.args());
            }
            stepMaps.add(m);
        }
        map.put("steps", stepMaps);
        return map;
    }

    /** A readable multi-line form for the CLI and logs. */
    public String render(String indent) {
        StringBuilder sb = new StringBuilder();
        for (Contribution c : contributions) {
            sb.append(indent).append(c.transaction()).append(' ').append(c.date());
            if (c.source() != null) {
                sb.append(" source ").append(c.source());
            }
            if (c.territory() != null) {
                sb.append(" -> via ").append(c.territory().describe(c.via()));
            }
            if (c.rule() != null) {
                sb.append(" -> rule ")
                        .append(c.rule())
                        .append(" share ")
                        .append(c.share().toPlainString());
            }
            if (c.credited() != null) {
                sb.append(" -> credited ").append(c.credited());
            }
            for (TierSlice s : c.slices()) {
                sb.append(" -> tier ")
                        .append(s.tier())
                        .append(' ')
                        .append(s.bounds())
                        .append(": ")
                        .append(s.base().toPlainString())
                        .append(" x ")
                        .append(s.rate().toPlainString());
            }
            sb.append(" = ").append(c.amount().toPlainString()).append('\n');
        }
        for (TraceStep s : steps) {
            sb.append(indent).append(s.step()).append(": ").append(s.detail()).append('\n');
        }
        return sb.toString();
    }
}
