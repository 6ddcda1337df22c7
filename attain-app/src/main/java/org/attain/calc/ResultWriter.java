package org.attain.calc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.attain.engine.calc.Contribution;
import org.attain.engine.calc.TierSlice;
import org.attain.engine.calc.Trace;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attain.engine.calc.EarningsLine;
import org.attain.engine.calc.PayeePeriodResult;
import org.attain.engine.calc.PlanPeriodResult;
import org.attain.engine.ledger.LedgerEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Stores engine results as immutable rows and switches a run's rows to current. */
@Component
class ResultWriter {

    /** Deals listed in a line's JSON trace; pages show these, the rest are in earnings_line_deal. */
    static final int DEALS_IN_TRACE = 25;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final DataSource dataSource;

    ResultWriter(JdbcClient jdbc, JsonMapper json, DataSource dataSource) {
        this.jdbc = jdbc;
        this.json = json;
        this.dataSource = dataSource;
    }

    /**
     * Stores a chunk of results with COPY on one connection: the payee-period rows, their earnings
     * lines, then one explained row per contributing deal. Each COPY commits on its own; none of the
     * rows is current until {@link #makeCurrent}, so a run that fails halfway changes nothing anyone reads.
     */
    void write(long runId, List<PayeePeriodResult> statements) {
        if (statements.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            long[] ids = new long[statements.size()];
            try (var st = connection.prepareStatement(
                    "select nextval(pg_get_serial_sequence('payee_period_result', 'id')) from generate_series(1, ?)")) {
                st.setInt(1, statements.size());
                try (var rs = st.executeQuery()) {
                    for (int i = 0; rs.next(); i++) {
                        ids[i] = rs.getLong(1);
                    }
                }
            }
            try (CopyRows results = new CopyRows(connection, "payee_period_result", """
                    id, run_id, person_id, period_id, currency, earnings, payout, quota, attainment, measures, ledger,
                    fingerprint""")) {
                for (int i = 0; i < statements.size(); i++) {
                    PayeePeriodResult s = statements.get(i);
                    PlanPeriodResult quotaPlan = s.quotaPlan().orElse(null);
                    String lines = toJson(s.lines().stream().map(ResultWriter::lineMap).toList());
                    String ledger = toJson(ledger(s));
                    results.row(ids[i], runId, CalcRuns.personIdOf(s), s.period().toString(),
                            s.payout().currency().code(), s.earnings().amount(), s.payout().amount(),
                            quotaPlan == null || quotaPlan.quota() == null ? null : quotaPlan.quota().amount(),
                            quotaPlan == null ? null : quotaPlan.attainment(), toJson(measures(s)), ledger,
                            fingerprint(s.payout().toPlainString() + "|" + lines + "|" + ledger));
                }
                results.finish();
            }
            try (CopyRows lineRows = new CopyRows(connection, "earnings_line",
                    "result_id, line_no, component, kind, plan_key, amount, uncapped, for_period, qualifying, trace")) {
                for (int i = 0; i < statements.size(); i++) {
                    int no = 0;
                    for (EarningsLine line : statements.get(i).lines()) {
                        lineRows.row(ids[i], ++no, line.component(), line.kind(), line.plan(), line.amount().amount(),
                                line.uncapped() == null ? null : line.uncapped().amount(),
                                line.forPeriod() == null ? null : line.forPeriod().toString(),
                                qualifying(line), toJson(shownTrace(line.trace())));
                    }
                }
                lineRows.finish();
            }
            try (CopyRows deals = new CopyRows(connection, "earnings_line_deal", """
                    result_id, line_no, deal_no, transaction_id, close_date, credit_rule, share, credited, currency,
                    tiers, tier_bases, tier_rates, amount""")) {
                for (int i = 0; i < statements.size(); i++) {
                    int no = 0;
                    for (EarningsLine line : statements.get(i).lines()) {
                        no++;
                        if (line.trace() == null) {
                            continue;
                        }
                        int dealNo = 0;
                        for (Contribution c : line.trace().contributions()) {
                            Object[] tiers = new Object[c.slices().size()];
                            Object[] bases = new Object[tiers.length];
                            Object[] rates = new Object[tiers.length];
                            for (int t = 0; t < tiers.length; t++) {
                                TierSlice slice = c.slices().get(t);
                                tiers[t] = slice.tier();
                                bases[t] = slice.base().toPlainString();
                                rates[t] = slice.rate().toPlainString();
                            }
                            deals.row(ids[i], no, ++dealNo, c.transaction().value(), c.date(), c.rule(), c.share(),
                                    c.credited() == null ? null : c.credited().amount(),
                                    c.credited() == null ? null : c.credited().currency().code(),
                                    tiers, bases, rates, c.amount());
                        }
                    }
                }
                deals.finish();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Storing results failed: " + e.getMessage(), e);
        }
    }

    /** Transaction ids never contain commas, quotes or braces (imports reject them), so the literal needs no quoting. */
    private static Object[] qualifying(EarningsLine line) {
        return line.qualifying().stream().map(Object::toString).toArray();
    }

    /**
     * The line's trace as JSON with its steps and only the first deals: every deal is in
     * earnings_line_deal, and a JSON copy of thousands of them per line would cost more to write than
     * the whole calculation.
     */
    private static Map<String, Object> shownTrace(Trace trace) {
        if (trace == null) {
            return Map.of();
        }
        List<Contribution> all = trace.contributions();
        Map<String, Object> map = new Trace(trace.steps(), all.subList(0, Math.min(all.size(), DEALS_IN_TRACE))).toMap();
        map.put("transactions_total", all.size());
        return map;
    }

    /** Makes the run's results current; returns how many payee-periods differ from what was current. */
    int makeCurrent(long runId) {
        // A closed period's statement never changes: its current result stays, and what a later run
        // finds different for it is paid as a prior-period adjustment in the open period instead.
        int changed = jdbc.sql("""
                select count(*) from payee_period_result n
                left join payee_period_result o on o.person_id = n.person_id and o.period_id = n.period_id and o.is_current
                where n.run_id = :run and (o.id is null or (o.fingerprint <> n.fingerprint
                      and not exists (select 1 from period p where p.id = n.period_id and p.status = 'CLOSED')))""")
                .param("run", runId).query(Integer.class).single();
        jdbc.sql("""
                update payee_period_result o set is_current = false
                from payee_period_result n
                where n.run_id = :run and o.person_id = n.person_id and o.period_id = n.period_id and o.is_current
                  and not exists (select 1 from period p where p.id = n.period_id and p.status = 'CLOSED')""")
                .param("run", runId).update();
        jdbc.sql("""
                update payee_period_result n set is_current = true where n.run_id = :run
                  and not exists (select 1 from payee_period_result o
                                  where o.person_id = n.person_id and o.period_id = n.period_id and o.is_current)""")
                .param("run", runId).update();
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
