package org.attain.pay;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.attain.calc.PackedDeals;
import org.attain.engine.calc.Contribution;
import org.attain.engine.calc.Trace;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads current calculation results: a payee-period's statement with every line and its trace. Reads
 * calc's published views ({@code calc_current_result_v}, {@code calc_result_v}, {@code calc_earnings_line_v}).
 */
@Service
public class Earnings {

    /** Deals a line's trace shows (statement page, API); every deal is in the line's explained deals. */
    public static final int DEALS_SHOWN = 10;

    /** The message codes of the steps that say which deals came through a territory. */
    private static final String TERRITORY_STEP = "trace.territory.";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Earnings(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public record Line(
            int lineNo,
            String component,
            String kind,
            String plan,
            BigDecimal amount,
            BigDecimal uncapped,
            String forPeriod,
            List<String> qualifying,
            JsonNode trace) {}

    public record Statement(
            long personId,
            String period,
            boolean calculated,
            String currency,
            BigDecimal earnings,
            BigDecimal payout,
            BigDecimal quota,
            BigDecimal attainment,
            JsonNode measures,
            JsonNode ledger,
            List<Line> lines,
            Long runId,
            Instant calculatedAt) {

        static Statement notCalculated(long personId, String period) {
            return new Statement(
                    personId, period, false, null, null, null, null, null, null, null, List.of(), null, null);
        }
    }

    public record Summary(
            String period, String currency, BigDecimal earnings, BigDecimal payout, BigDecimal attainment) {}

    /**
     * The months that have a current result for the person: a plan paid monthly (e.g. measured on the
     * quarter, paid each month) has monthly statements beside the quarterly ones.
     */
    public java.util.Set<String> monthsCalculated(long personId) {
        return new java.util.HashSet<>(jdbc.sql("select period_id from calc_current_result_v"
                        + " where person_id = :p and period_id ~ '^[0-9]{4}-[0-9]{2}$'")
                .param("p", personId)
                .query(String.class)
                .list());
    }

    public Statement statement(long personId, String period) {
        return current(personId, period).orElseGet(() -> Statement.notCalculated(personId, period));
    }

    /** The headline of a payee-period's current result (no lines, measures or ledger): for home pages. */
    public Statement headline(long personId, String period) {
        return head(personId, period)
                .map(h -> new Statement(
                        personId,
                        period,
                        true,
                        h.currency(),
                        h.earnings(),
                        h.payout(),
                        h.quota(),
                        h.attainment(),
                        null,
                        null,
                        List.of(),
                        h.runId(),
                        h.createdAt()))
                .orElseGet(() -> Statement.notCalculated(personId, period));
    }

    private record Head(
            long id,
            String currency,
            BigDecimal earnings,
            BigDecimal payout,
            BigDecimal quota,
            BigDecimal attainment,
            long runId,
            Instant createdAt) {}

    /** What a stored result says beyond its headline; never changes once written. */
    private record Detail(JsonNode measures, JsonNode ledger, List<Line> lines) {}

    // A result row and its lines are immutable once written (a rerun writes a new version and only
    // moves "current"), so their parsed form is kept by result id. Each request still asks which
    // result is current, so a new run shows at once. Bounded: the most recently read statements.
    private final java.util.Map<Long, Detail> details =
            java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<Long, Detail> eldest) {
                    return size() > DETAILS_KEPT;
                }
            });
    private static final int DETAILS_KEPT = 512;

    private Optional<Statement> current(long personId, String period) {
        return head(personId, period).map(h -> statementOf(h, personId, period));
    }

    private Statement statementOf(Head h, long personId, String period) {
        Detail d = details.get(h.id());
        if (d == null) {
            d = detail(h.id(), period);
            details.put(h.id(), d);
        }
        return new Statement(
                personId,
                period,
                true,
                h.currency(),
                h.earnings(),
                h.payout(),
                h.quota(),
                h.attainment(),
                d.measures(),
                d.ledger(),
                d.lines(),
                h.runId(),
                h.createdAt());
    }

    // The statement as JSON, by result id: everything in it comes from that one immutable result (its
    // person, period, figures, lines and run), so its bytes never change either. Under load, writing a
    // statement's traces as JSON again on every call cost more than asking which result is current.
    private final java.util.Map<Long, byte[]> jsonById =
            java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<Long, byte[]> eldest) {
                    return size() > DETAILS_KEPT;
                }
            });

    /**
     * {@link #statement} as the API's JSON (the application's JSON settings). Which result is current
     * is asked on every call, so a new run shows at once; only the writing of an unchanged result is saved.
     */
    public byte[] statementJson(long personId, String period) {
        Optional<Head> head = head(personId, period);
        if (head.isEmpty()) {
            return json.writeValueAsBytes(Statement.notCalculated(personId, period));
        }
        Head h = head.get();
        byte[] bytes = jsonById.get(h.id());
        if (bytes == null) {
            bytes = json.writeValueAsBytes(statementOf(h, personId, period));
            jsonById.put(h.id(), bytes);
        }
        return bytes;
    }

    // Mapped by hand: the generic record mapper pays a driver exception per camel-case field and row.
    private Optional<Head> head(long personId, String period) {
        return jdbc.sql("""
                select id, currency, earnings, payout, quota, attainment, run_id, created_at
                from calc_current_result_v where person_id = :p and period_id = :period""")
                .param("p", personId)
                .param("period", period)
                .query((rs, n) -> {
                    BigDecimal attainment = rs.getBigDecimal(6);
                    java.sql.Timestamp created = rs.getTimestamp(8);
                    return new Head(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getBigDecimal(3),
                            rs.getBigDecimal(4),
                            rs.getBigDecimal(5),
                            attainment == null ? null : attainment.setScale(4, java.math.RoundingMode.DOWN),
                            rs.getLong(7),
                            created == null ? null : created.toInstant());
                })
                .optional();
    }

    // By id and period: results, lines and packs are partitioned by period (calc's migration 2027.01.01.10), so
    // the period names the one year to read.
    private Detail detail(long resultId, String period) {
        String[] texts = jdbc.sql(
                        "select measures::text, ledger::text from calc_result_v where id = :r and period_id = :period")
                .param("r", resultId)
                .param("period", period)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
        return new Detail(readTreeOrNull(texts[0]), readTreeOrNull(texts[1]), lines(resultId, period));
    }

    private JsonNode readTreeOrNull(String text) {
        return text == null ? null : json.readTree(text);
    }

    private List<Line> lines(long resultId, String period) {
        // A line's qualifying ids are in its array, or only in its packed deals (migration .130).
        return jdbc.sql("""
                select l.line_no, l.component, l.kind, l.plan_key, l.amount, l.uncapped, l.for_period, l.qualifying,
                       l.trace::text, l.qualifying_in_pack, l.packed_deals
                from calc_earnings_line_v l
                where l.result_id = :r and l.period_id = :period order by l.line_no""")
                .param("r", resultId)
                .param("period", period)
                .query((rs, n) -> {
                    byte[] packed = rs.getBytes(11);
                    List<String> qualifying = rs.getBoolean(10) && packed != null
                            ? PackedDeals.transactionIds(packed)
                            : List.of((String[]) rs.getArray(8).getArray());
                    return new Line(
                            rs.getInt(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getBigDecimal(5),
                            rs.getBigDecimal(6),
                            rs.getString(7),
                            qualifying,
                            trace(rs.getString(9), packed));
                })
                .list();
    }

    /**
     * A line's trace as its statement shows it: the stored steps with the line's first deals. Lines of
     * runs since migration .132 keep their deals in the pack only (ResultWriter.shownTrace), and the
     * deals are put back here in the shape they had in the JSON; earlier lines have them in the JSON.
     */
    private JsonNode trace(String text, byte[] packed) {
        return withNames(shownTrace(text, packed));
    }

    /**
     * The territory steps name the territory's owner or overlay by person id, as the engine knows them: shown with the
     * person's name instead (the id follows as a sixth argument, for API readers).
     */
    private JsonNode withNames(JsonNode trace) {
        if (!(trace instanceof ObjectNode object) || !(object.get("steps") instanceof ArrayNode steps)) {
            return trace;
        }
        for (JsonNode step : steps) {
            String code = step.path("code").asString("");
            if (code.startsWith(TERRITORY_STEP)
                    && step.get("args") instanceof ArrayNode args
                    && args.size() >= 3
                    && args.get(2).asString("").matches("\\d{1,18}")) {
                String id = args.get(2).asString();
                args.set(2, json.getNodeFactory().stringNode(personName(Long.parseLong(id))));
                if (args.size() == 5) {
                    args.add(id);
                }
            }
        }
        return trace;
    }

    private String personName(long id) {
        return jdbc.sql("select first_name || ' ' || last_name from org_person_v where id = :id")
                .param("id", id)
                .query(String.class)
                .optional()
                .orElse(Long.toString(id));
    }

    private JsonNode shownTrace(String text, byte[] packed) {
        JsonNode stored = json.readTree(text);
        if (!(stored instanceof ObjectNode object)
                || stored.has("transactions")
                || !stored.has("transactions_total")
                || (packed != null && !PackedDeals.holdsTraces(packed))) {
            // Earlier lines, or (never written so) a trace without deals beside a pack too old to hold them.
            return stored;
        }
        List<Contribution> deals = packed == null ? List.of() : PackedDeals.contributions(packed, DEALS_SHOWN);
        ObjectNode shown = json.createObjectNode();
        shown.set(
                "transactions",
                json.valueToTree(new Trace(List.of(), deals).toMap().get("transactions")));
        object.properties().forEach(e -> shown.set(e.getKey(), e.getValue()));
        return shown;
    }

    /** Current headline figures of many people for one period, in one query: for team tables. */
    public java.util.Map<Long, Summary> summariesOf(java.util.Collection<Long> people, String period) {
        java.util.Map<Long, Summary> out = new java.util.HashMap<>();
        jdbc.sql("""
                select person_id, period_id, currency, earnings, payout, attainment from calc_current_result_v
                where period_id = :period and person_id = any(:ids)""")
                .param("period", period)
                .param("ids", people.toArray(Long[]::new))
                .query(rs -> {
                    BigDecimal attainment = rs.getBigDecimal(6);
                    out.put(
                            rs.getLong(1),
                            new Summary(
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getBigDecimal(4),
                                    rs.getBigDecimal(5),
                                    attainment == null ? null : attainment.setScale(4, java.math.RoundingMode.DOWN)));
                });
        return out;
    }

    /** The payee's current results for the given periods, in order, for trends and year-to-date sums. */
    public List<Summary> summaries(long personId, List<String> periods) {
        return jdbc.sql("""
                select period_id, currency, earnings, payout, attainment from calc_current_result_v
                where person_id = :p and period_id = any(:periods) order by period_id""")
                .param("p", personId)
                .param("periods", periods.toArray(String[]::new))
                .query(Summary.class)
                .list();
    }
}
