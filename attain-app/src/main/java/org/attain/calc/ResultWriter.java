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
     * Everything {@link #copy} computes for a chunk's rows ({@link #prepare}: JSON, fingerprint, content hash;
     * and whether each line's qualifying ids are its deals) without storing any: the calculation's warm-up
     * ({@link CalcWarmUp}) runs the same code a run does. Returns the lines seen.
     */
    int rehearse(Packed chunk) {
        int lines = 0;
        for (int i = 0; i < chunk.statements.size(); i++) {
            PayeePeriodResult s = chunk.statements.get(i);
            prepare(s, chunk.packs.get(i), "");
            for (EarningsLine line : s.lines()) {
                qualifyingArePackedDeals(line);
                lines++;
            }
        }
        return lines;
    }

    /** What a result's row and lines hold besides its numbers: JSON, fingerprint and content hash. */
    private record Prepared(String ledger, String fingerprint, String measures, String[] traces, String content) {}

    /** The JSON, fingerprint and content hash of a result, as {@link #copy} stores them ({@code context}: see {@link Currents}). */
    private Prepared prepare(PayeePeriodResult s, ByteBuffer[] packs, String context) {
        String ledger = toJson(ledger(s));
        String fingerprint = ResultFingerprint.of(s, ledger, packs);
        String measures = toJson(measures(s));
        List<EarningsLine> lines = s.lines();
        String[] traces = new String[lines.size()];
        for (int no = 0; no < lines.size(); no++) {
            traces[no] = toJson(shownTrace(lines.get(no).trace()));
        }
        return new Prepared(
                ledger,
                fingerprint,
                measures,
                traces,
                ResultFingerprint.content(context, fingerprint, s, measures, traces));
    }

    /** Packs and stores a chunk of results (see {@link #write(long, Packed, Currents)}), all deals stored anew. */
    List<PayeeProblems.Problem> write(long runId, List<PayeePeriodResult> statements) {
        return write(runId, new Packed().add(statements), Currents.none());
    }

    /**
     * The current results of some payee-periods when a run began. A result that comes out with the same
     * content hash ({@link ResultFingerprint#content}) is not stored again: the run notes it here
     * ({@link #unchanged}) and {@link #makeCurrent} keeps the current result, or, if another run replaced it
     * meanwhile with something different and older, stores a copy of it as this run's result.
     */
    static final class Currents {

        /** No current results to compare with: every result is stored. */
        static Currents none() {
            return new Currents(Map.of(), "");
        }

        /** A current result: its id and content hash ({@link ResultFingerprint#content}; null before migration .12). */
        record Current(long id, String contentHash) {}

        /** A payee-period the run computed exactly as the current result {@code currentId} when it began. */
        record Unchanged(long personId, String period, long currentId, String contentHash) {}

        private final Map<String, Current> byPayeePeriod;
        private final Map<String, Unchanged> unchanged = new java.util.concurrent.ConcurrentHashMap<>();
        /** What of the run itself a stored result shows: the plan versions it compiled. */
        private final String context;

        private Currents(Map<String, Current> byPayeePeriod, String context) {
            this.byPayeePeriod = byPayeePeriod;
            this.context = context;
        }

        /** Whether this result equals the current one; if so it is noted as unchanged (and not to be stored). */
        boolean unchanged(long personId, String period, String contentHash) {
            String key = personId + "/" + period;
            Current c = byPayeePeriod.get(key);
            if (c == null || !contentHash.equals(c.contentHash())) {
                return false;
            }
            unchanged.put(key, new Unchanged(personId, period, c.id(), contentHash));
            return true;
        }

        String context() {
            return context;
        }

        /** The payee-periods found unchanged, of these payees only. */
        List<Unchanged> unchanged(java.util.Set<Long> of) {
            return unchanged.values().stream()
                    .filter(u -> of.contains(u.personId()))
                    .toList();
        }
    }

    /**
     * The current results of these periods (of {@code only}'s payees; everyone's when empty), for a run that
     * compiled these plan versions.
     */
    Currents currents(List<String> periodIds, java.util.Set<Long> only, java.util.Collection<Long> planVersions) {
        Map<String, Currents.Current> out = new java.util.HashMap<>();
        // Two statements rather than one with "or no payees given": a single-deal run's lookup stays on the
        // index of current results whatever plan PostgreSQL settles on for the statement.
        String select = "select id, person_id, period_id, content_hash from payee_period_result "
                + "where is_current and period_id = any(:periods)";
        var statement = only.isEmpty()
                ? jdbc.sql(select)
                : jdbc.sql(select + " and person_id = any(:people)").param("people", only.toArray(Long[]::new));
        statement.param("periods", periodIds.toArray(String[]::new)).query(rs -> {
            out.put(rs.getLong(2) + "/" + rs.getString(3), new Currents.Current(rs.getLong(1), rs.getString(4)));
        });
        return new Currents(out, new java.util.TreeSet<>(planVersions).toString());
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
        partitionsFor(statements);
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

    /** The years whose partitions this process has asked for (migration 2027.01.01.10); each is asked for once. */
    private final java.util.Set<String> partitionedYears = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Makes the partitions of the years of these results' periods where missing, before their rows are written, in
     * its own short transaction (not the chunk's: attaching a partition locks the default partition until commit).
     * A year already asked for costs nothing: a run over known years makes no round trip for this.
     */
    void partitionsFor(List<PayeePeriodResult> statements) {
        String[] missing = statements.stream()
                .map(s -> s.period().toString())
                .filter(p -> !partitionedYears.contains(yearOf(p)))
                .distinct()
                .toArray(String[]::new);
        if (missing.length == 0) {
            return;
        }
        jdbc.sql("select calc_result_partition(p) from unnest(cast(:periods as text[])) p")
                .param("periods", missing)
                .query(String.class)
                .list();
        for (String p : missing) {
            partitionedYears.add(yearOf(p));
        }
    }

    private static String yearOf(String periodId) {
        return periodId.length() >= 4 ? periodId.substring(0, 4) : periodId;
    }

    private void copy(
            Connection connection,
            long runId,
            List<PayeePeriodResult> statements,
            ByteBuffer[][] packs,
            Currents currents)
            throws SQLException {
        // Results equal to the current one are not stored again (see Currents); the rest are, in full.
        int n = statements.size();
        Prepared[] prepared = new Prepared[n];
        List<Integer> kept = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            PayeePeriodResult s = statements.get(i);
            prepared[i] = prepare(s, packs[i], currents.context());
            if (!currents.unchanged(CalcRuns.personIdOf(s), s.period().toString(), prepared[i].content())) {
                kept.add(i);
            }
        }
        if (kept.isEmpty()) {
            return;
        }
        long[] ids = new long[n];
        try (var st = connection.prepareStatement(
                "select nextval(pg_get_serial_sequence('payee_period_result', 'id')) from generate_series(1, ?)")) {
            st.setInt(1, kept.size());
            try (var rs = st.executeQuery()) {
                for (int k = 0; rs.next(); k++) {
                    ids[kept.get(k)] = rs.getLong(1);
                }
            }
        }
        try (CopyText results = new CopyText(connection, "payee_period_result", """
                id, run_id, person_id, period_id, currency, earnings, payout, quota, attainment, measures, ledger,
                fingerprint, content_hash""")) {
            for (int i : kept) {
                PayeePeriodResult s = statements.get(i);
                PlanPeriodResult quotaPlan = s.quotaPlan().orElse(null);
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
                        prepared[i].measures(),
                        prepared[i].ledger(),
                        prepared[i].fingerprint(),
                        prepared[i].content());
            }
            results.finish();
        }
        try (CopyText lineRows = new CopyText(
                connection,
                "earnings_line",
                "result_id, line_no, component, kind, plan_key, amount, uncapped, for_period, qualifying, "
                        + "qualifying_in_pack, trace, period_id")) {
            for (int i : kept) {
                List<EarningsLine> lines = statements.get(i).lines();
                String period = statements.get(i).period().toString();
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
                            prepared[i].traces()[no],
                            period);
                }
            }
            lineRows.finish();
        }
        try (CopyBinary deals = new CopyBinary(
                connection, "earnings_line_deal_pack", "result_id, line_no, deal_count, deals, period_id")) {
            for (int i : kept) {
                List<EarningsLine> lines = statements.get(i).lines();
                String period = statements.get(i).period().toString();
                for (int no = 0; no < lines.size(); no++) {
                    if (packs[i][no] != null) {
                        deals.row(
                                ids[i],
                                no + 1,
                                lines.get(no).trace().contributions().size(),
                                packs[i][no].duplicate(),
                                period);
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
     * What a run stands by besides its stored rows: the payees it computed (not those it left out) over its
     * periods, and the payee-periods it found equal to the current result and did not store again.
     */
    record Claim(java.util.Set<Long> payees, List<Currents.Unchanged> unchanged) {

        static final Claim NONE = new Claim(java.util.Set.of(), List.of());
    }

    /** A newer run's claim: its id, periods and the payees it computed. */
    private record NewerClaim(long runId, java.util.Set<String> periods, java.util.Set<Long> payees) {

        boolean covers(long person, String period) {
            return periods.contains(period) && payees.contains(person);
        }
    }

    /**
     * Makes the run's results current, except where a newer run computed the payee-period already (it
     * {@code superseded} this run's): results only move forward. "Newer" is the run's id, drawn when
     * the run starts and before it reads any input. Every change of an input (deal, quota, plan, org)
     * asks for a recalculation of the people concerned once it has committed; that run starts later,
     * so it gets a higher id and reads the change. The highest-id run of a payee-period therefore
     * read every change committed before it began: what it found wins over any run that began
     * earlier, whatever order they finish in. (The transaction store's change numbers order only
     * transactions, accounts and regions, not quotas, plans or people, so they cannot decide alone.)
     * What a run found is either a row it stored (its run id on the current row says so) or, for a
     * result equal to the current one that it did not store again, its claim ({@code calc_run.claimed_payees},
     * written here in the same transaction). A result the run found unchanged that another, older run
     * replaced meanwhile with something different is stored again as this run's (a copy of the result
     * it equalled, pointing at the same explained deals) and made current. Runs switch one at a time (an
     * advisory lock for this transaction), so two runs never both see "nothing newer" for the same payee-period.
     */
    Switched makeCurrent(long runId, Claim claim) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('attain.calc'), hashtext('current results'))")
                .query()
                .singleRow();
        jdbc.sql("update calc_run set claimed_payees = :payees where id = :run")
                .param("payees", claim.payees().toArray(Long[]::new))
                .param("run", runId)
                .update();
        List<NewerClaim> newer = jdbc.sql(
                        "select id, periods, claimed_payees from calc_run where id > :run and claimed_payees is not null")
                .param("run", runId)
                .query((rs, i) -> new NewerClaim(
                        rs.getLong(1),
                        java.util.Set.of((String[]) rs.getArray(2).getArray()),
                        java.util.Set.of((Long[]) rs.getArray(3).getArray())))
                .list();
        // A closed period's statement never changes: its current result stays, and what a later run
        // finds different for it is paid as a prior-period adjustment in the open period instead.
        // The run's rows and what is current for them are read once, by the run index and the partial
        // unique index of current rows; both updates then go by primary key.
        record Pair(
                long id,
                long person,
                String period,
                Long currentId,
                long currentRun,
                boolean differs,
                boolean closed) {}
        // Read after the lock, in this transaction, as the check inside the query below was before.
        java.util.Set<String> closedPeriods = new java.util.HashSet<>();
        periods.closed().forEach(p -> closedPeriods.add(p.id()));
        String[] closed = closedPeriods.toArray(String[]::new);
        List<Pair> pairs = jdbc.sql("""
                select n.id, n.person_id, n.period_id, o.id, coalesce(o.run_id, 0),
                       o.id is null or o.fingerprint <> n.fingerprint, n.period_id = any(:closed)
                from payee_period_result n
                left join payee_period_result o on o.person_id = n.person_id and o.period_id = n.period_id and o.is_current
                where n.run_id = :run""")
                .param("run", runId)
                .param("closed", closed)
                .query((rs, i) -> new Pair(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getObject(4, Long.class),
                        rs.getLong(5),
                        rs.getBoolean(6),
                        rs.getBoolean(7)))
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
            } else if (newer(newer, p.currentRun(), p.person(), p.period()) > runId) {
                superseded++;
            } else {
                changed += p.differs() ? 1 : 0;
                retire.add(p.currentId());
                promote.add(p.id());
            }
        }
        // The results the run found unchanged: still current, or replaced by something newer, equal, or older.
        List<Currents.Unchanged> unchanged = claim.unchanged();
        if (!unchanged.isEmpty()) {
            record Now(long person, String period, long id, long run, String contentHash) {}
            Map<String, Now> now = new java.util.HashMap<>();
            jdbc.sql("""
                    select o.person_id, o.period_id, o.id, o.run_id, o.content_hash
                    from unnest(cast(:people as bigint[]), cast(:periods as text[])) as n(person_id, period_id)
                    join payee_period_result o on o.person_id = n.person_id and o.period_id = n.period_id and o.is_current""")
                    .param(
                            "people",
                            unchanged.stream().map(Currents.Unchanged::personId).toArray(Long[]::new))
                    .param(
                            "periods",
                            unchanged.stream().map(Currents.Unchanged::period).toArray(String[]::new))
                    .query((rs, i) ->
                            new Now(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5)))
                    .list()
                    .forEach(o -> now.put(o.person() + "/" + o.period(), o));
            for (Currents.Unchanged u : unchanged) {
                Now o = now.get(u.personId() + "/" + u.period());
                if (o == null || o.id() == u.currentId() || closedPeriods.contains(u.period())) {
                    continue;
                }
                if (newer(newer, o.run(), u.personId(), u.period()) > runId) {
                    superseded++;
                } else if (!u.contentHash().equals(o.contentHash())) {
                    // An older run replaced the result this run found unchanged: this run's finding wins.
                    changed++;
                    retire.add(o.id());
                    promote.add(copyAsRun(runId, u.currentId()));
                }
            }
        }
        // The run's periods name the partitions (migration 2027.01.01.10) these ids are in: every id here is a
        // result of one of them (the run's rows, what is current for them, copies of those).
        String[] runPeriods = pairs.stream().map(Pair::period).distinct().toArray(String[]::new);
        String[] unchangedPeriods =
                unchanged.stream().map(Currents.Unchanged::period).distinct().toArray(String[]::new);
        String[] touched = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(runPeriods), java.util.Arrays.stream(unchangedPeriods))
                .distinct()
                .toArray(String[]::new);
        if (!retire.isEmpty()) {
            jdbc.sql("update payee_period_result set is_current = false "
                            + "where period_id = any(:periods) and id = any(:ids) and is_current")
                    .param("periods", touched)
                    .param("ids", retire.toArray(Long[]::new))
                    .update();
        }
        if (!promote.isEmpty()) {
            jdbc.sql(
                            "update payee_period_result set is_current = true where period_id = any(:periods) and id = any(:ids)")
                    .param("periods", touched)
                    .param("ids", promote.toArray(Long[]::new))
                    .update();
        }
        return new Switched(changed, superseded);
    }

    /** The newest run that computed a payee-period: the current row's run or a newer run's claim. */
    private static long newer(List<NewerClaim> claims, long currentRun, long person, String period) {
        long newest = currentRun;
        for (NewerClaim c : claims) {
            if (c.runId() > newest && c.covers(person, period)) {
                newest = c.runId();
            }
        }
        return newest;
    }

    /** Stores result {@code resultId} again as run {@code runId}'s (not current), its lines too, its deals pointed at. */
    private long copyAsRun(long runId, long resultId) {
        record Copy(long id, String period) {}
        Copy copy = jdbc.sql("""
                insert into payee_period_result(run_id, person_id, period_id, currency, earnings, payout, quota,
                    attainment, measures, ledger, fingerprint, content_hash, deals_in)
                select :run, person_id, period_id, currency, earnings, payout, quota, attainment, measures, ledger,
                       fingerprint, content_hash, coalesce(deals_in, id)
                from payee_period_result where id = :id returning id, period_id""")
                .param("run", runId)
                .param("id", resultId)
                .query((rs, i) -> new Copy(rs.getLong(1), rs.getString(2)))
                .single();
        jdbc.sql("""
                insert into earnings_line(result_id, line_no, component, kind, plan_key, amount, uncapped, for_period,
                    qualifying, qualifying_in_pack, trace, period_id)
                select :copy, line_no, component, kind, plan_key, amount, uncapped, for_period, qualifying,
                       qualifying_in_pack, trace, period_id
                from earnings_line where result_id = :id and period_id = :period""")
                .param("copy", copy.id())
                .param("id", resultId)
                .param("period", copy.period())
                .update();
        return copy.id();
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
