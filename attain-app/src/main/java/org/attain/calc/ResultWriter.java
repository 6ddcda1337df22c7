package org.attain.calc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attain.engine.calc.EarningsLine;
import org.attain.engine.calc.PayeePeriodResult;
import org.attain.engine.calc.PlanPeriodResult;
import org.attain.engine.ledger.LedgerEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Stores engine results as immutable rows and switches a run's rows to current. */
@Component
class ResultWriter {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final JdbcTemplate batch;

    ResultWriter(JdbcClient jdbc, JsonMapper json, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.json = json;
        this.batch = batch;
    }

    /** Inserts a chunk of results with two batched statements; ids are drawn from the sequence up front. */
    void write(long runId, List<PayeePeriodResult> statements) {
        if (statements.isEmpty()) {
            return;
        }
        List<Long> ids = jdbc.sql("select nextval(pg_get_serial_sequence('payee_period_result', 'id')) from generate_series(1, :n)")
                .param("n", statements.size()).query(Long.class).list();
        List<Object[]> results = new ArrayList<>();
        List<Object[]> lineRows = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            PayeePeriodResult s = statements.get(i);
            long resultId = ids.get(i);
            PlanPeriodResult quotaPlan = s.quotaPlan().orElse(null);
            String lines = toJson(s.lines().stream().map(ResultWriter::lineMap).toList());
            String ledger = toJson(ledger(s));
            results.add(new Object[] {resultId, runId, CalcRuns.personIdOf(s), s.period().toString(),
                    s.payout().currency().code(), s.earnings().amount(), s.payout().amount(),
                    quotaPlan == null || quotaPlan.quota() == null ? null : quotaPlan.quota().amount(),
                    quotaPlan == null ? null : quotaPlan.attainment(), toJson(measures(s)), ledger,
                    fingerprint(s.payout().toPlainString() + "|" + lines + "|" + ledger)});
            int no = 0;
            for (EarningsLine line : s.lines()) {
                lineRows.add(new Object[] {resultId, ++no, line.component(), line.kind(), line.plan(),
                        line.amount().amount(), line.uncapped() == null ? null : line.uncapped().amount(),
                        line.forPeriod() == null ? null : line.forPeriod().toString(),
                        String.join(",", line.qualifying().stream().map(Object::toString).toList()),
                        toJson(line.trace() == null ? Map.of() : line.trace().toMap())});
            }
        }
        batch.batchUpdate("""
                insert into payee_period_result(id, run_id, person_id, period_id, currency, earnings, payout, quota,
                                                attainment, measures, ledger, fingerprint)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?)""", results);
        // Transaction ids are joined with commas and split in SQL: ids never contain commas (import rejects them).
        batch.batchUpdate("""
                insert into earnings_line(result_id, line_no, component, kind, plan_key, amount, uncapped, for_period,
                                          qualifying, trace)
                values (?, ?, ?, ?, ?, ?, ?, ?, coalesce(string_to_array(nullif(?, ''), ','), '{}'), cast(? as jsonb))""", lineRows);
    }

    /** Makes the run's results current; returns how many payee-periods differ from what was current. */
    int makeCurrent(long runId) {
        int changed = jdbc.sql("""
                select count(*) from payee_period_result n
                left join payee_period_result o on o.person_id = n.person_id and o.period_id = n.period_id and o.is_current
                where n.run_id = :run and (o.id is null or o.fingerprint <> n.fingerprint)""")
                .param("run", runId).query(Integer.class).single();
        jdbc.sql("""
                update payee_period_result o set is_current = false
                from payee_period_result n
                where n.run_id = :run and o.person_id = n.person_id and o.period_id = n.period_id and o.is_current""")
                .param("run", runId).update();
        jdbc.sql("update payee_period_result set is_current = true where run_id = :run").param("run", runId).update();
        return changed;
    }

    String toJson(Object value) {
        return json.writeValueAsString(value);
    }

    private static Map<String, Object> lineMap(EarningsLine l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("component", l.component());
        m.put("amount", l.amount().toPlainString());
        m.put("uncapped", l.uncapped() == null ? null : l.uncapped().toPlainString());
        m.put("qualifying", l.qualifying().stream().map(Object::toString).toList());
        return m;
    }

    private static List<Map<String, Object>> measures(PayeePeriodResult s) {
        List<Map<String, Object>> plans = new ArrayList<>();
        for (PlanPeriodResult p : s.plans()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("plan", p.plan());
            Map<String, String> measures = new java.util.TreeMap<>();
            p.measures().forEach((k, v) -> measures.put(k, v.toPlainString()));
            m.put("measures", measures);
            m.put("quota", p.quota() == null ? null : p.quota().toPlainString());
            m.put("quota_explanation", p.quotaExplanation());
            m.put("attainment", p.attainmentShown() == null ? null : p.attainmentShown().toPlainString());
            plans.add(m);
        }
        return plans;
    }

    private static Map<String, Object> ledger(PayeePeriodResult s) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> entries = new ArrayList<>();
        for (LedgerEntry e : s.ledger()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("kind", e.kind());
            entry.put("amount", e.amount().toPlainString());
            entry.put("transaction", e.transaction() == null ? null : e.transaction().value());
            entry.put("note", e.note());
            entries.add(entry);
        }
        m.put("entries", entries);
        m.put("carried_after", s.ledgerAfter().carried().toPlainString());
        m.put("draw_balance_after", s.ledgerAfter().drawBalance().toPlainString());
        m.put("held_after", s.ledgerAfter().heldTotal().toPlainString());
        return m;
    }

    private static String fingerprint(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
