package org.attain.calc;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.attain.calendar.Periods;
import org.attain.engine.calc.Contribution;
import org.attain.engine.calc.EarningsLine;
import org.attain.engine.calc.PayeePeriodResult;
import org.attain.engine.calc.PlanPeriodResult;
import org.attain.engine.calc.Trace;
import org.attain.engine.ledger.LedgerEntry;
import org.attain.engine.model.TransactionId;
import org.attain.platform.CopyText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores engine results as immutable rows and switches a run's rows to current. A chunk is stored in
 * one transaction, so a chunk that fails leaves nothing behind; when what failed were the values of
 * some payee's rows, the chunk is stored again payee by payee and only that payee is left out.
 */
@Component
class ResultWriter {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final DataSource dataSource;
    private final Periods periods;

    ResultWriter(JdbcClient jdbc, JsonMapper json, DataSource dataSource, Periods periods) {
        this.periods = periods;
        this.jdbc = jdbc;
        this.json = json;
        this.dataSource = dataSource;
    }

    /**
     * Results of a chunk with every line's explained deals packed ({@link PackedDeals}), to be stored by
     * {@link ResultWriter#write(long, Packed)}. Packed as soon as each part of the chunk is computed: the deals' objects are still
     * in the processor's cache then, while packing a whole chunk's afterwards read each of them back
     * from memory (packing was a third of a full run's calculation threads).
     */
    static final class Packed {
        private final List<PayeePeriodResult> statements = new ArrayList<>();
        private final List<ByteBuffer[]> packs = new ArrayList<>();
        private final PackedDeals encoder = new PackedDeals();

        /** Packs these results' deals and keeps both for writing: all of them, or none if packing fails. */
        Packed add(List<PayeePeriodResult> computed) {
            List<ByteBuffer[]> packed = new ArrayList<>(computed.size());
            for (PayeePeriodResult statement : computed) {
                List<EarningsLine> lines = statement.lines();
                ByteBuffer[] linePacks = new ByteBuffer[lines.size()];
                for (int no = 0; no < lines.size(); no++) {
                    Trace trace = lines.get(no).trace();
                    if (trace != null && !trace.contributions().isEmpty()) {
                        linePacks[no] = encoder.pack(trace.contributions());
                    }
                }
                packed.add(linePacks);
            }
            statements.addAll(computed);
            packs.addAll(packed);
            return this;
        }

        /** The same results payee by payee (person id to that payee's results). */
        private Map<Long, Packed> byPayee() {
            Map<Long, Packed> out = new LinkedHashMap<>();
            for (int i = 0; i < statements.size(); i++) {
                Packed one = out.computeIfAbsent(CalcRuns.personIdOf(statements.get(i)), p -> new Packed());
                one.statements.add(statements.get(i));
                one.packs.add(packs.get(i));
            }
            return out;
        }
    }

    /**
     * Everything {@link #copy} computes for a chunk's rows (measures and ledger JSON, fingerprints, each
     * line's trace JSON and whether its qualifying ids are its deals) without storing any: the
     * calculation's warm-up ({@link CalcWarmUp}) runs the same code a run does. Returns the lines seen.
     */
    int rehearse(Packed chunk) {
        int lines = 0;
        for (int i = 0; i < chunk.statements.size(); i++) {
            PayeePeriodResult s = chunk.statements.get(i);
            toJson(measures(s));
            ResultFingerprint.of(s, toJson(ledger(s)), chunk.packs.get(i));
            for (EarningsLine line : s.lines()) {
                qualifyingArePackedDeals(line);
                toJson(shownTrace(line.trace()));
                lines++;
            }
        }
        return lines;
    }

    /** Packs and stores a chunk of results (see {@link #write(long, Packed, Currents)}), all deals stored anew. */
    List<PayeeProblems.Problem> write(long runId, List<PayeePeriodResult> statements) {
        return write(runId, new Packed().add(statements), Currents.NONE);
    }

    /**
     * The current results of some payee-periods when a run began: a result that comes out with the same
     * fingerprint keeps its own row and lines but points at these results' explained deals instead of
     * storing them again ({@code payee_period_result.deals_in}, migration 2026.12.23.10). Which result is
     * current is still decided by {@link #makeCurrent} from the run's own rows, as before; the deals
     * pointed at are immutable, so it does not matter if another run replaces the current result meanwhile.
     */
    static final class Currents {

        static final Currents NONE = new Currents(Map.of());

        /** A current result: its id, fingerprint and the result holding its deals (itself or one it points at). */
        record Current(long id, String fingerprint, long dealsIn) {}

        private final Map<String, Current> byPayeePeriod;

        private Currents(Map<String, Current> byPayeePeriod) {
            this.byPayeePeriod = byPayeePeriod;
        }

        /** The result holding the deals of a current result equal to this one, or null (store them). */
        Long dealsIn(long personId, String period, String fingerprint) {
            Current c = byPayeePeriod.get(personId + "/" + period);
            return c != null && c.fingerprint().equals(fingerprint) ? c.dealsIn() : null;
        }

        int size() {
            return byPayeePeriod.size();
        }
    }

    /** The current results of these periods (of {@code only}'s payees; everyone's when empty). */
    Currents currents(List<String> periodIds, java.util.Set<Long> only) {
        Map<String, Currents.Current> out = new java.util.HashMap<>();
        // Two statements rather than one with "or no payees given": a single-deal run's lookup stays on the
        // index of current results whatever plan PostgreSQL settles on for the statement.
        String select = "select id, person_id, period_id, fingerprint, coalesce(deals_in, id) from payee_period_result "
                + "where is_current and period_id = any(:periods)";
        var statement = only.isEmpty()
                ? jdbc.sql(select)
                : jdbc.sql(select + " and person_id = any(:people)").param("people", only.toArray(Long[]::new));
        statement.param("periods", periodIds.toArray(String[]::new)).query(rs -> {
            out.put(
                    rs.getLong(2) + "/" + rs.getString(3),
                    new Currents.Current(rs.getLong(1), rs.getString(4), rs.getLong(5)));
        });
        return new Currents(out);
    }

    /**
     * Stores a chunk of results, none of them current until {@link #makeCurrent}: a run that fails
     * halfway changes nothing anyone reads. Returns the payees whose rows the database refused (a
     * value it cannot hold); everyone else's rows are stored.
     */
    List<PayeeProblems.Problem> write(long runId, Packed chunk, Currents currents) {
        if (chunk.statements.isEmpty()) {
            return List.of();
        }
        try {
            store(runId, chunk, currents);
            return List.of();
        } catch (RuntimeException e) {
            if (!PayeeProblems.fromTheValues(e)) {
                throw e;
            }
            List<PayeeProblems.Problem> problems = new ArrayList<>();
            for (Map.Entry<Long, Packed> payee : chunk.byPayee().entrySet()) {
                try {
                    store(runId, payee.getValue(), currents);
                } catch (RuntimeException each) {
                    if (!PayeeProblems.fromTheValues(each)) {
                        throw each;
                    }
                    problems.add(PayeeProblems.storing(payee.getKey(), each));
                }
            }
            return problems;
        }
    }

    /**
     * Stores results with COPY in one transaction on one connection: the payee-period rows, their
     * earnings lines, then per line its packed explained deals. The fingerprint reads the same packed
     * bytes that are stored. Every text, array and JSON value is escaped by {@link CopyText#append}.
     */
    private void store(long runId, Packed chunk, Currents currents) {
        List<PayeePeriodResult> statements = chunk.statements;
        ByteBuffer[][] packs = chunk.packs.toArray(ByteBuffer[][]::new);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                copy(connection, runId, statements, packs, currents);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Storing results failed: " + e.getMessage(), e);
        }
    }

    private void copy(
            Connection connection,
            long runId,
            List<PayeePeriodResult> statements,
            ByteBuffer[][] packs,
            Currents currents)
            throws SQLException {
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
        // Per result: where its explained deals are, if a current result equal to it holds them already.
        Long[] dealsIn = new Long[statements.size()];
        try (CopyText results = new CopyText(connection, "payee_period_result", """
                id, run_id, person_id, period_id, currency, earnings, payout, quota, attainment, measures, ledger,
                fingerprint, deals_in""")) {
            for (int i = 0; i < statements.size(); i++) {
                PayeePeriodResult s = statements.get(i);
                PlanPeriodResult quotaPlan = s.quotaPlan().orElse(null);
                String ledger = toJson(ledger(s));
                String fingerprint = ResultFingerprint.of(s, ledger, packs[i]);
                dealsIn[i] = currents.dealsIn(CalcRuns.personIdOf(s), s.period().toString(), fingerprint);
                results.row(
                        ids[i],
                        runId,
                        CalcRuns.personIdOf(s),
                        s.period().toString(),
                        s.payout().currency().code(),
                        s.earnings().amount(),
                        s.payout().amount(),
                        quotaPlan == null || quotaPlan.quota() == null
                                ? null
                                : quotaPlan.quota().amount(),
                        quotaPlan == null ? null : quotaPlan.attainment(),
                        toJson(measures(s)),
                        ledger,
                        fingerprint,
                        dealsIn[i]);
            }
            results.finish();
        }
        try (CopyText lineRows = new CopyText(
                connection,
                "earnings_line",
                "result_id, line_no, component, kind, plan_key, amount, uncapped, for_period, qualifying, "
                        + "qualifying_in_pack, trace")) {
            for (int i = 0; i < statements.size(); i++) {
                List<EarningsLine> lines = statements.get(i).lines();
                for (int no = 0; no < lines.size(); no++) {
                    EarningsLine line = lines.get(no);
                    // Ids already in the line's pack are not written again (migration .130).
                    boolean inPack = packs[i][no] != null && qualifyingArePackedDeals(line);
                    lineRows.row(
                            ids[i],
                            no + 1,
                            line.component(),
                            line.kind(),
                            line.plan(),
                            line.amount().amount(),
                            line.uncapped() == null ? null : line.uncapped().amount(),
                            line.forPeriod() == null ? null : line.forPeriod().toString(),
                            inPack ? NO_IDS : qualifying(line),
                            inPack,
                            toJson(shownTrace(line.trace())));
                }
            }
            lineRows.finish();
        }
        try (CopyBinary deals =
                new CopyBinary(connection, "earnings_line_deal_pack", "result_id, line_no, deal_count, deals")) {
            for (int i = 0; i < statements.size(); i++) {
                if (dealsIn[i] != null) {
                    continue;
                }
                List<EarningsLine> lines = statements.get(i).lines();
                for (int no = 0; no < lines.size(); no++) {
                    if (packs[i][no] != null) {
                        deals.row(
                                ids[i],
                                no + 1,
                                lines.get(no).trace().contributions().size(),
                                packs[i][no].duplicate());
                    }
                }
            }
            deals.finish();
        }
    }

    private static final Object[] NO_IDS = new Object[0];

    /** The ids as text: any character a source system puts in an id is quoted by {@link CopyText#append}. */
    private static Object[] qualifying(EarningsLine line) {
        return line.qualifying().stream().map(Object::toString).toArray();
    }

    /**
     * The line's trace as JSON: its steps and how many deals it has. The deals themselves are in
     * earnings_line_deal_pack only (format 3 holds all a trace shows of them); readers take the first
     * ones from there ({@link PackedDeals#contributions}). A JSON copy of the first ten deals of every
     * line cost a quarter of PostgreSQL's time in a full run (parsing, compressing) for what was
     * stored already. No "transactions" key: lines of earlier runs that have one are shown as stored.
     */
    private static Map<String, Object> shownTrace(Trace trace) {
        if (trace == null) {
            return Map.of();
        }
        Map<String, Object> map = new Trace(trace.steps(), List.of()).toMap();
        map.remove("transactions");
        map.put("transactions_total", trace.contributions().size());
        return map;
    }

    /** What switching a run's results to current did. */
    record Switched(int changed, int superseded) {}

    /**
     * Makes the run's results current, except where a newer run's result is current already (it
     * {@code superseded} this run's): results only move forward. "Newer" is the run's id, drawn when
     * the run starts and before it reads any input. Every change of an input (deal, quota, plan, org)
     * asks for a recalculation of the people concerned once it has committed; that run starts later,
     * so it gets a higher id and reads the change. The highest-id run of a payee-period therefore
     * read every change committed before it began: if its result is current, it wins over any run
     * that began earlier, whatever order they finish in. (The transaction store's change numbers
     * order only transactions, accounts and regions, not quotas, plans or people, so they cannot
     * decide alone.) Runs switch one at a time (an advisory lock for this transaction), so two runs
     * never both see "nothing newer" for the same payee-period.
     */
    Switched makeCurrent(long runId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('attain.calc'), hashtext('current results'))")
                .query()
                .singleRow();
        // A closed period's statement never changes: its current result stays, and what a later run
        // finds different for it is paid as a prior-period adjustment in the open period instead.
        // The run's rows and what is current for them are read once, by the run index and the partial
        // unique index of current rows; both updates then go by primary key.
        record Pair(long id, Long currentId, long currentRun, boolean differs, boolean closed) {}
        // Read after the lock, in this transaction, as the check inside the query below was before.
        String[] closed = periods.closed().stream().map(Periods.PeriodRow::id).toArray(String[]::new);
        List<Pair> pairs = jdbc.sql("""
                select n.id, o.id, coalesce(o.run_id, 0), o.id is null or o.fingerprint <> n.fingerprint,
                       n.period_id = any(:closed)
                from payee_period_result n
                left join payee_period_result o on o.person_id = n.person_id and o.period_id = n.period_id and o.is_current
                where n.run_id = :run""")
                .param("run", runId)
                .param("closed", closed)
                .query((rs, i) -> new Pair(
                        rs.getLong(1), rs.getObject(2, Long.class), rs.getLong(3), rs.getBoolean(4), rs.getBoolean(5)))
                .list();
        int changed = 0;
        int superseded = 0;
        List<Long> retire = new ArrayList<>();
        List<Long> promote = new ArrayList<>();
        for (Pair p : pairs) {
            if (p.currentId() == null) {
                changed++;
                promote.add(p.id());
            } else if (p.closed()) {
                continue;
            } else if (p.currentRun() > runId) {
                superseded++;
            } else {
                changed += p.differs() ? 1 : 0;
                retire.add(p.currentId());
                promote.add(p.id());
            }
        }
        if (!retire.isEmpty()) {
            jdbc.sql("update payee_period_result set is_current = false where id = any(:ids) and is_current")
                    .param("ids", retire.toArray(Long[]::new))
                    .update();
        }
        if (!promote.isEmpty()) {
            jdbc.sql("update payee_period_result set is_current = true where id = any(:ids)")
                    .param("ids", promote.toArray(Long[]::new))
                    .update();
        }
        return new Switched(changed, superseded);
    }

    String toJson(Object value) {
        return json.writeValueAsString(value);
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
            m.put(
                    "attainment",
                    p.attainmentShown() == null ? null : p.attainmentShown().toPlainString());
            plans.add(m);
        }
        return plans;
    }

    private static Map<String, Object> ledger(PayeePeriodResult s) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> entries = new ArrayList<>();
        for (LedgerEntry e : s.ledger()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("kind", e.kind().code());
            entry.put("amount", e.amount().toPlainString());
            entry.put(
                    "transaction",
                    e.transaction() == null ? null : e.transaction().value());
            entry.put("note", e.note());
            entries.add(entry);
        }
        m.put("entries", entries);
        m.put("carried_after", s.ledgerAfter().carried().toPlainString());
        m.put("draw_balance_after", s.ledgerAfter().drawBalance().toPlainString());
        m.put("held_after", s.ledgerAfter().heldTotal().toPlainString());
        return m;
    }

    /** Whether a line's qualifying ids are its explained deals' ids, each once, in the same order. */
    static boolean qualifyingArePackedDeals(EarningsLine line) {
        List<TransactionId> qualifying = line.qualifying();
        List<Contribution> deals =
                line.trace() == null ? List.of() : line.trace().contributions();
        if (qualifying.size() != deals.size()) {
            return false;
        }
        for (int k = 0; k < deals.size(); k++) {
            if (!deals.get(k).transaction().equals(qualifying.get(k))) {
                return false;
            }
        }
        return true;
    }
}
