package org.attain.calc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.attain.engine.calc.Contribution;
import org.attain.engine.calc.Trace;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.attain.engine.calc.EarningsLine;
import org.attain.engine.calc.PayeePeriodResult;
import org.attain.engine.calc.PlanPeriodResult;
import org.attain.engine.model.TransactionId;
import org.attain.engine.ledger.LedgerEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Stores engine results as immutable rows and switches a run's rows to current. */
@Component
class ResultWriter {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final DataSource dataSource;

    ResultWriter(JdbcClient jdbc, JsonMapper json, DataSource dataSource) {
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

        /** Packs these results' deals and keeps both for writing. */
        Packed add(List<PayeePeriodResult> computed) {
            for (PayeePeriodResult statement : computed) {
                List<EarningsLine> lines = statement.lines();
                ByteBuffer[] linePacks = new ByteBuffer[lines.size()];
                for (int no = 0; no < lines.size(); no++) {
                    Trace trace = lines.get(no).trace();
                    if (trace != null && !trace.contributions().isEmpty()) {
                        linePacks[no] = encoder.pack(trace.contributions());
                    }
                }
                statements.add(statement);
                packs.add(linePacks);
            }
            return this;
        }
    }

    /** Packs and stores a chunk of results (see {@link #write(long, Packed)}). */
    void write(long runId, List<PayeePeriodResult> statements) {
        write(runId, new Packed().add(statements));
    }

    /**
     * Stores a chunk of results with COPY on one connection: the payee-period rows, their earnings
     * lines, then per line its packed explained deals. Each COPY commits on its own; none of the rows is
     * current until {@link #makeCurrent}, so a run that fails halfway changes nothing anyone reads. The
     * fingerprint reads the same packed bytes that are stored.
     */
    void write(long runId, Packed chunk) {
        List<PayeePeriodResult> statements = chunk.statements;
        if (statements.isEmpty()) {
            return;
        }
        ByteBuffer[][] packs = chunk.packs.toArray(ByteBuffer[][]::new);
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
                    String ledger = toJson(ledger(s));
                    results.row(ids[i], runId, CalcRuns.personIdOf(s), s.period().toString(),
                            s.payout().currency().code(), s.earnings().amount(), s.payout().amount(),
                            quotaPlan == null || quotaPlan.quota() == null ? null : quotaPlan.quota().amount(),
                            quotaPlan == null ? null : quotaPlan.attainment(), toJson(measures(s)), ledger,
                            fingerprint(s, ledger, packs[i]));
                }
                results.finish();
            }
            try (CopyRows lineRows = new CopyRows(connection, "earnings_line",
                    "result_id, line_no, component, kind, plan_key, amount, uncapped, for_period, qualifying, "
                    + "qualifying_in_pack, trace")) {
                for (int i = 0; i < statements.size(); i++) {
                    List<EarningsLine> lines = statements.get(i).lines();
                    for (int no = 0; no < lines.size(); no++) {
                        EarningsLine line = lines.get(no);
                        // Ids already in the line's pack are not written again (migration .130).
                        boolean inPack = packs[i][no] != null && qualifyingArePackedDeals(line);
                        lineRows.row(ids[i], no + 1, line.component(), line.kind(), line.plan(), line.amount().amount(),
                                line.uncapped() == null ? null : line.uncapped().amount(),
                                line.forPeriod() == null ? null : line.forPeriod().toString(),
                                inPack ? NO_IDS : qualifying(line), inPack, toJson(shownTrace(line.trace())));
                    }
                }
                lineRows.finish();
            }
            try (CopyBinary deals = new CopyBinary(connection, "earnings_line_deal_pack", "result_id, line_no, deal_count, deals")) {
                for (int i = 0; i < statements.size(); i++) {
                    List<EarningsLine> lines = statements.get(i).lines();
                    for (int no = 0; no < lines.size(); no++) {
                        if (packs[i][no] != null) {
                            deals.row(ids[i], no + 1, lines.get(no).trace().contributions().size(), packs[i][no].duplicate());
                        }
                    }
                }
                deals.finish();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Storing results failed: " + e.getMessage(), e);
        }
    }

    private static final Object[] NO_IDS = new Object[0];

    /** Transaction ids never contain commas, quotes or braces (imports reject them), so the literal needs no quoting. */
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

    /** Makes the run's results current; returns how many payee-periods differ from what was current. */
    int makeCurrent(long runId) {
        // A closed period's statement never changes: its current result stays, and what a later run
        // finds different for it is paid as a prior-period adjustment in the open period instead.
        // The run's rows and what is current for them are read once, by the run index and the partial
        // unique index of current rows; both updates then go by primary key.
        record Pair(long id, Long currentId, boolean differs, boolean closed) {
        }
        List<Pair> pairs = jdbc.sql("""
                select n.id, o.id, o.id is null or o.fingerprint <> n.fingerprint,
                       exists (select 1 from period p where p.id = n.period_id and p.status = 'CLOSED')
                from payee_period_result n
                left join payee_period_result o on o.person_id = n.person_id and o.period_id = n.period_id and o.is_current
                where n.run_id = :run""")
                .param("run", runId)
                .query((rs, i) -> new Pair(rs.getLong(1), rs.getObject(2, Long.class), rs.getBoolean(3), rs.getBoolean(4)))
                .list();
        int changed = 0;
        List<Long> retire = new ArrayList<>();
        List<Long> promote = new ArrayList<>();
        for (Pair p : pairs) {
            if (p.currentId() == null || (p.differs() && !p.closed())) {
                changed++;
            }
            if (p.currentId() != null && !p.closed()) {
                retire.add(p.currentId());
            }
            if (p.currentId() == null || !p.closed()) {
                promote.add(p.id());
            }
        }
        if (!retire.isEmpty()) {
            jdbc.sql("update payee_period_result set is_current = false where id = any(:ids) and is_current")
                    .param("ids", retire.toArray(Long[]::new)).update();
        }
        if (!promote.isEmpty()) {
            // Re-checked here, not only above: a run that made a row current meanwhile keeps it.
            jdbc.sql("""
                    update payee_period_result n set is_current = true where n.id = any(:ids)
                      and not exists (select 1 from payee_period_result o
                                      where o.person_id = n.person_id and o.period_id = n.period_id and o.is_current)""")
                    .param("ids", promote.toArray(Long[]::new)).update();
        }
        return changed;
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

    /**
     * What decides whether a payee-period's result changed: the payout, every line's component, amount,
     * uncapped amount, qualifying transactions and explained deals, and the ledger. Fed to the digest
     * field by field (a separator byte after each) rather than through a JSON copy of the lines, which
     * for a line with thousands of deals cost more than the line itself. A line's deals go in as their
     * packed bytes (ids, shares, credited amounts, tier slices: more than the ids alone, and without a
     * string per deal); its qualifying ids go in one by one only when they are not the packed deals' ids.
     */
    private static String fingerprint(PayeePeriodResult s, String ledger, ByteBuffer[] linePacks) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        field(digest, s.payout().toPlainString());
        List<EarningsLine> lines = s.lines();
        for (int no = 0; no < lines.size(); no++) {
            EarningsLine l = lines.get(no);
            field(digest, l.component());
            field(digest, l.amount().toPlainString());
            field(digest, l.uncapped() == null ? "" : l.uncapped().toPlainString());
            if (linePacks[no] != null) {
                packChecksums(digest, linePacks[no]);
            }
            if (linePacks[no] == null || !qualifyingArePackedDeals(l)) {
                l.qualifying().forEach(q -> field(digest, q.toString()));
            }
            digest.update((byte) 1);
        }
        field(digest, ledger);
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * A line's packed deals enter the fingerprint as their length and two independent 32-bit checksums
     * (CRC-32C and CRC-32, both computed by the processor's CRC instructions) instead of the bytes
     * themselves: SHA-256 over ~75 bytes a deal cost more than the deals' crediting. A changed deal
     * (id, share, amount, slice) changes both checksums unless it collides in 64 bits at equal length;
     * the fingerprint only decides which results are reported as changed, never which are stored.
     */
    private static void packChecksums(MessageDigest digest, ByteBuffer pack) {
        CRC32C c = new CRC32C();
        c.update(pack.array(), pack.arrayOffset() + pack.position(), pack.remaining());
        CRC32 d = new CRC32();
        d.update(pack.array(), pack.arrayOffset() + pack.position(), pack.remaining());
        ByteBuffer sums = ByteBuffer.allocate(16).putInt(pack.remaining()).putInt((int) c.getValue()).putLong(d.getValue());
        digest.update(sums.array());
    }

    /** Whether a line's qualifying ids are its explained deals' ids, each once, in the same order. */
    static boolean qualifyingArePackedDeals(EarningsLine line) {
        List<TransactionId> qualifying = line.qualifying();
        List<Contribution> deals = line.trace() == null ? List.of() : line.trace().contributions();
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

    private static void field(MessageDigest digest, String value) {
        digest.update(value.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}
