package org.attain.calc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attain.calendar.Periods;
import org.attain.engine.calc.CalculationInput;
import org.attain.engine.plan.CompiledPlan;
import org.attain.engine.plan.CreditFrom;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.Split;
import org.attain.engine.model.Transaction;
import org.attain.engine.model.TransactionId;
import org.attain.engine.money.CurrencyUnit;
import org.attain.engine.money.Money;
import org.attain.engine.time.DateRange;
import org.attain.engine.time.PeriodId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads a snapshot of everything the engine needs for a run from the database and translates it
 * into the engine's input records. Person ids are the database ids as text; transaction ids are
 * the source's external ids, which is what a rep recognises on a statement.
 */
@Component
class CalcInputs {

    private final Periods periods;
    private final JsonMapper json;

    private final CalcEvents events;
    private final List<CalcInputContributor> contributors;

    CalcInputs(Periods periods, JsonMapper json, CalcEvents events, List<CalcInputContributor> contributors) {
        this.events = events;
        this.contributors = contributors;
        this.periods = periods;
        this.json = json;
    }

    /** Everything but the transactions: small, loaded once per run and shared by every chunk. */
    record Snapshot(CalculationInput base, DateRange window, boolean creditsAnyTransaction,
            Map<Long, Set<Long>> reportsOf, List<Long> planVersionIds) {

        /** The base input with a chunk's transactions and payees. */
        CalculationInput forChunk(List<Transaction> transactions, Set<PersonId> payees) {
            return base.forChunk(transactions, payees);
        }

        /**
         * The people whose transactions can credit these payees: themselves and, when a plan rolls up,
         * everyone who ever reported to them (directly or not). A superset is harmless; the engine
         * decides by the reporting line in force on each credit date.
         */
        Set<Long> reach(Set<Long> payees) {
            Set<Long> out = new HashSet<>(payees);
            // Pod members are paid on their pod mates' deals too (empty when no plan pays on pods).
            Set<PersonId> of = new HashSet<>();
            payees.forEach(p -> of.add(pid(p)));
            base.podMates(of, window).forEach(p -> out.add(Long.parseLong(p.value())));
            ArrayDeque<Long> todo = new ArrayDeque<>(out);
            while (!todo.isEmpty()) {
                for (Long report : reportsOf.getOrDefault(todo.pop(), Set.of())) {
                    if (out.add(report)) {
                        todo.add(report);
                    }
                }
            }
            return out;
        }
    }

    /**
     * Assembles the snapshot from the contributors (plans, assignments, people, reporting lines, quotas,
     * pods, FX rates, adjustments: each from its owner) and the events. For a run over a few payees
     * ({@code only} not empty) owners may limit their part to them, which keeps a single-deal
     * recalculation cheap however large the company is.
     */
    Snapshot snapshot(List<PeriodId> runPeriods, Set<Long> only) {
        // The fiscal calendar is one query: read once for the window and the engine.
        var calendar = periods.calendar().engine();
        DateRange window = window(calendar, runPeriods);
        CalculationInput.Builder in = CalculationInput.builder().calendar(calendar);
        CalcInputContributor.Scope scope = new CalcInputContributor.Scope(runPeriods, window, only);
        contributors.forEach(c -> c.contribute(in, scope));
        events.load(window).forEach(in::event);
        runPeriods.forEach(in::period);
        CalculationInput base = in.build();
        List<CompiledPlan> compiled = base.plans();
        boolean rollsUp = compiled.stream().flatMap(p -> p.measures().stream()).flatMap(m -> m.creditRules().stream())
                .anyMatch(r -> r.from() == CreditFrom.DIRECT_REPORTS || r.from() == CreditFrom.SUBTREE);
        boolean anyTransaction = compiled.stream().flatMap(p -> p.measures().stream()).flatMap(m -> m.creditRules().stream())
                .anyMatch(r -> r.from() == CreditFrom.TERRITORY);
        return new Snapshot(base, window, anyTransaction, rollsUp ? scope.reportsOf() : Map.of(), scope.planVersionIds());
    }

    /**
     * The transactions in the window that these people own or share through a split; {@code people}
     * null means every transaction (a territory rule can credit anyone with anything). The caller's
     * client decides the database snapshot the rows come from.
     */
    List<Transaction> transactions(JdbcClient client, DateRange window, Set<Long> people) {
        // Accounts are joined, not loaded whole: a run for one rep needs the few accounts of that rep's deals.
        Map<Long, Map<String, Object>> accounts = new HashMap<>();
        List<Transaction> out = new ArrayList<>();
        // Values repeat across millions of rows; one shared instance each keeps a chunk's memory small.
        Map<Object, Object> shared = new HashMap<>();
        // CurrencyUnit.of validates the code with a regular expression: once per currency, not per row.
        Map<String, CurrencyUnit> currencies = new HashMap<>();
        String whose = people == null ? "" : "\n" + """
                and (t.owner_id = any(:ids) or (t.splits is not null and split_person_ids(t.splits) && cast(:ids as bigint[])))""";
        var spec = client.sql("""
                select t.source, t.external_id, t.owner_id, t.splits::text, t.close_date, coalesce(v.amount, t.amount),
                       t.currency, coalesce(v.status, t.status), t.deal_type, t.product_code, t.account_id,
                       t.attributes::text, t.term_months, a.industry, a.country, a.size_band, r.code
                from sales_transaction t
                left join sales_transaction_version v on v.transaction_id = t.id and v.version = 1
                left join account a on a.id = t.account_id
                left join region r on r.id = a.region_id
                where t.close_date between :from and :to and t.kind not in ('CANCELLATION', 'INVOICE_PAYMENT')"""
                + whose)
                .param("from", window.first()).param("to", window.last());
        if (people != null) {
            spec = spec.param("ids", people.toArray(Long[]::new));
        }
        spec.query(rs -> {
            String id = transactionId(rs.getString(1), rs.getString(2));
            Long owner = rs.getObject(3, Long.class);
            Map<String, Object> attributes = attributes(json, rs.getString(12));
            int term = rs.getInt(13);
            if (!rs.wasNull()) {
                attributes.put("term_months", (long) term);
            }
            long accountId = rs.getLong(11);
            Map<String, Object> account = rs.wasNull() ? Map.of() : accounts.get(accountId);
            if (account == null) {
                account = accountAttributes(rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17));
                accounts.put(accountId, account);
            }
            out.add(new Transaction(TransactionId.of(id), owner == null ? null : pid(owner),
                    splits(json, rs.getString(4)), share(shared, rs.getObject(5, LocalDate.class)),
                    Money.of(rs.getBigDecimal(6), currencies.computeIfAbsent(rs.getString(7), CurrencyUnit::of)),
                    share(shared, rs.getString(8)), share(shared, rs.getString(9)), share(shared, rs.getString(10)),
                    account, attributes, null));
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T> T share(Map<Object, Object> shared, T value) {
        return value == null ? null : (T) shared.computeIfAbsent(value, v -> v);
    }

    /** The id a rep recognises: the source's own id, prefixed with the source unless it is Attain itself. */
    static String transactionId(String source, String externalId) {
        return "attain".equals(source) ? externalId : source + ":" + externalId;
    }

    /** What territory rules read of a transaction's account (absent values left out). */
    static Map<String, Object> accountAttributes(String industry, String country, String sizeBand, String region) {
        Map<String, Object> m = new HashMap<>();
        putIfPresent(m, "industry", industry);
        putIfPresent(m, "country", country);
        putIfPresent(m, "size_band", sizeBand);
        putIfPresent(m, "region", region);
        return Map.copyOf(m);
    }

    /** A transaction's split column (JSON) as the engine's splits. */
    static List<Split> splits(JsonMapper json, String text) {
        if (text == null || "[]".equals(text)) {
            return List.of();
        }
        List<Split> splits = new ArrayList<>();
        for (JsonNode s : json.readTree(text)) {
            splits.add(new Split(pid(s.get("person_id").asLong()), new BigDecimal(s.get("share").asString()),
                    s.has("overlay") && s.get("overlay").asBoolean()));
        }
        return splits;
    }

    /** A transaction's custom attributes (JSON): numbers exact, the rest as text. Mutable, for the caller to add to. */
    static Map<String, Object> attributes(JsonMapper json, String text) {
        Map<String, Object> m = new HashMap<>();
        if (text == null || "{}".equals(text)) {
            return m;
        }
        json.readTree(text).properties().forEach(e -> m.put(e.getKey(), e.getValue().isNumber()
                ? (Object) e.getValue().decimalValue() : e.getValue().asString()));
        return m;
    }

    private static void putIfPresent(Map<String, Object> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static DateRange window(org.attain.engine.time.FiscalCalendar cal, List<PeriodId> runPeriods) {
        LocalDate first = runPeriods.stream().map(p -> cal.range(p).first()).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = runPeriods.stream().map(p -> cal.range(p).last()).max(LocalDate::compareTo).orElseThrow();
        // Year-to-date measures look back to the start of the fiscal year.
        LocalDate yearStart = cal.range(cal.periodOf(first, org.attain.engine.time.PeriodKind.YEAR)).first();
        return new DateRange(yearStart, last);
    }

    static PersonId pid(long id) {
        return PersonId.of(Long.toString(id));
    }
}
