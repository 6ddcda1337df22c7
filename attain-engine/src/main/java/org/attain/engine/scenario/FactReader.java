package org.attain.engine.scenario;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.attain.engine.calc.CalculationInput;
import org.attain.engine.cel.DataDictionary;
import org.attain.engine.model.Event;
import org.attain.engine.model.KpiScore;
import org.attain.engine.model.ManualAdjustment;
import org.attain.engine.model.Person;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.Proration;
import org.attain.engine.model.Quota;
import org.attain.engine.model.ReportingLine;
import org.attain.engine.model.Split;
import org.attain.engine.model.TargetIncentive;
import org.attain.engine.model.TeamId;
import org.attain.engine.model.TeamMembership;
import org.attain.engine.model.TeamQuota;
import org.attain.engine.model.Transaction;
import org.attain.engine.model.TransactionId;
import org.attain.engine.money.CurrencyUnit;
import org.attain.engine.money.FxRate;
import org.attain.engine.money.Money;
import org.attain.engine.time.DateRange;
import org.attain.engine.time.PeriodId;
import org.attain.engine.yaml.MapReader;
import org.attain.engine.yaml.Problems;
import org.attain.engine.yaml.YamlNode;

/** Reads the facts of a scenario (people, lines, quotas, rates, transactions, events) into the builder. */
final class FactReader {

    private final Problems problems;
    private final CurrencyUnit currency;
    private final CalculationInput.Builder input;
    private final List<Map<String, Object>> dealAttributes = new ArrayList<>();
    private final List<Map<String, Object>> accounts = new ArrayList<>();
    private final List<Map<String, Object>> personAttributes = new ArrayList<>();
    private final Map<String, Map<String, Object>> accountsById = new java.util.LinkedHashMap<>();
    private final Map<String, YamlNode> accountNodes = new java.util.LinkedHashMap<>();
    private final List<Transaction> transactions = new ArrayList<>();
    private final List<YamlNode> transactionNodes = new ArrayList<>();
    private final ReturnLinks returnLinks;

    FactReader(Problems problems, CurrencyUnit currency, CalculationInput.Builder input) {
        this.problems = problems;
        this.currency = currency;
        this.input = input;
        this.returnLinks = new ReturnLinks(problems);
    }

    List<PersonId> people(List<YamlNode> nodes) {
        List<PersonId> ids = new ArrayList<>();
        for (YamlNode n : nodes) {
            MapReader r = MapReader.of(n, "a person", problems);
            Optional<String> id = r.requiredString("id");
            String name = r.string("name").orElse(null);
            String role = r.string("role").orElse(null);
            LocalDate start = r.date("start").orElse(LocalDate.MIN);
            LocalDate end = r.date("end").orElse(null);
            Map<String, Object> attributes = attributes(r);
            personAttributes.add(attributes);
            Map<PeriodId, BigDecimal> targets = amountsByPeriod(r, "target_incentive");
            Map<PeriodId, BigDecimal> bases = amountsByPeriod(r, "base_salary");
            r.rejectUnknownKeys();
            bases.keySet().stream()
                    .filter(p -> !targets.containsKey(p))
                    .forEach(p -> problems.add(
                            n.keyLocation("base_salary"),
                            "base_salary for " + p + " has no target_incentive for the same period"));
            if (id.isPresent()) {
                targets.forEach((p, t) -> input.targetIncentive(new TargetIncentive(
                        PersonId.of(id.get()),
                        p,
                        Money.of(t, currency),
                        bases.containsKey(p) ? Money.of(bases.get(p), currency) : null)));
                ids.add(PersonId.of(id.get()));
                input.person(new Person(PersonId.of(id.get()), name, role, range(n, start, end), attributes));
            }
        }
        return ids;
    }

    /** A person's {@code target_incentive} or {@code base_salary}: a mapping of period to amount, e.g. {2026-Q1: "20000.00"}. */
    private Map<PeriodId, BigDecimal> amountsByPeriod(MapReader r, String key) {
        Map<PeriodId, BigDecimal> amounts = new java.util.LinkedHashMap<>();
        Optional<YamlNode> node = r.optional(key);
        if (node.isEmpty()) {
            return amounts;
        }
        if (!node.get().isMapping()) {
            problems.add(
                    node.get(), "'" + key + "' must be a mapping of period to amount, e.g. {2026-Q1: \"20000.00\"}");
            return amounts;
        }
        node.get().entries().forEach((periodText, value) -> {
            PeriodId period;
            try {
                period = PeriodId.parse(periodText);
            } catch (IllegalArgumentException e) {
                problems.add(
                        node.get().keyLocation(periodText),
                        "'" + key + "' names '" + periodText + "', not a period like 2026-Q1, 2026-02 or 2026");
                return;
            }
            BigDecimal amount;
            try {
                amount = new BigDecimal(value.text().strip());
            } catch (RuntimeException e) {
                problems.add(value, "'" + key + "' for " + periodText + " must be an amount like \"20000.00\"");
                return;
            }
            if (amount.signum() < 0) {
                problems.add(value, "'" + key + "' for " + periodText + " must not be negative");
                return;
            }
            amounts.put(period, amount);
        });
        return amounts;
    }

    void reporting(List<YamlNode> nodes) {
        for (YamlNode n : nodes) {
            MapReader r = MapReader.of(n, "a reporting line", problems);
            Optional<String> person = r.requiredString("person");
            Optional<String> manager = r.requiredString("manager");
            LocalDate from = r.date("from").orElse(LocalDate.MIN);
            LocalDate to = r.date("to").orElse(null);
            r.rejectUnknownKeys();
            if (person.isPresent() && manager.isPresent()) {
                input.reportingLine(
                        new ReportingLine(PersonId.of(person.get()), PersonId.of(manager.get()), range(n, from, to)));
            }
        }
    }

    void quotas(List<YamlNode> nodes) {
        for (YamlNode n : nodes) {
            MapReader r = MapReader.of(n, "a quota", problems);
            Optional<String> person = r.requiredString("person");
            Optional<PeriodId> period = period(r, "period", true);
            Optional<BigDecimal> amount = r.requiredDecimal("amount");
            String measure = r.string("measure").orElse(null);
            Proration proration = r.optional("prorate")
                    .flatMap(p -> r.parse(
                            p,
                            "prorate",
                            "none or by_days_on_plan",
                            s -> Proration.valueOf(s.toUpperCase(Locale.ROOT))))
                    .orElse(Proration.NONE);
            r.rejectUnknownKeys();
            if (person.isPresent() && period.isPresent() && amount.isPresent()) {
                input.quota(new Quota(
                        PersonId.of(person.get()), period.get(), measure, Money.of(amount.get(), currency), proration));
            }
        }
    }

    /**
     * Pods: {@code teams} names them ({@code members} may list memberships inline), {@code team_memberships}
     * dates who was in which pod, {@code team_quotas} sets each pod's quota per period and measure. A person
     * is in at most one pod on any day, as in the app's team_membership table.
     */
    void pods(List<YamlNode> teams, List<YamlNode> memberships, List<YamlNode> teamQuotas, List<PersonId> people) {
        java.util.Set<String> teamIds = new java.util.LinkedHashSet<>();
        List<TeamMembership> all = new ArrayList<>();
        List<YamlNode> where = new ArrayList<>();
        for (YamlNode n : teams) {
            MapReader r = MapReader.of(n, "a team", problems);
            Optional<String> id = r.requiredString("id");
            String name = r.string("name").orElse(null);
            List<YamlNode> members = r.list("members");
            r.rejectUnknownKeys();
            if (id.isEmpty()) {
                continue;
            }
            if (!teamIds.add(id.get())) {
                problems.add(n, "team id '" + id.get() + "' is used twice");
            }
            input.team(TeamId.of(id.get()), name == null ? id.get() : name);
            for (YamlNode m : members) {
                membership(m, id, people).ifPresent(tm -> {
                    all.add(tm);
                    where.add(m);
                });
            }
        }
        for (YamlNode n : memberships) {
            membership(n, Optional.empty(), people).ifPresent(tm -> {
                all.add(tm);
                where.add(n);
                if (!teams.isEmpty() && !teamIds.contains(tm.team().value())) {
                    problems.add(n.keyLocation("team"), "names unknown team '" + tm.team() + "' (not under 'teams')");
                }
            });
        }
        for (int i = 0; i < all.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (all.get(i).person().equals(all.get(j).person())
                        && all.get(i).during().overlaps(all.get(j).during())) {
                    problems.add(
                            where.get(i),
                            all.get(i).person() + " is already in team '"
                                    + all.get(j).team()
                                    + "' during "
                                    + all.get(i)
                                            .during()
                                            .intersect(all.get(j).during())
                                            .orElseThrow()
                                    + "; a person is in one pod at a time");
                }
            }
            input.teamMembership(all.get(i));
        }
        for (YamlNode n : teamQuotas) {
            MapReader r = MapReader.of(n, "a team quota", problems);
            Optional<String> team = r.requiredString("team");
            Optional<PeriodId> period = period(r, "period", true);
            Optional<BigDecimal> amount = r.requiredDecimal("amount");
            String measure = r.string("measure").orElse(null);
            r.rejectUnknownKeys();
            if (amount.isPresent() && amount.get().signum() < 0) {
                problems.add(n.keyLocation("amount"), "a team quota must not be negative");
            } else if (team.isPresent() && period.isPresent() && amount.isPresent()) {
                if (!teams.isEmpty() && !teamIds.contains(team.get())) {
                    problems.add(n.keyLocation("team"), "names unknown team '" + team.get() + "' (not under 'teams')");
                }
                input.teamQuota(
                        new TeamQuota(TeamId.of(team.get()), period.get(), measure, Money.of(amount.get(), currency)));
            }
        }
    }

    private Optional<TeamMembership> membership(YamlNode n, Optional<String> inTeam, List<PersonId> people) {
        MapReader r = MapReader.of(n, "a team membership", problems);
        Optional<String> person = r.requiredString("person");
        Optional<String> team = inTeam.isPresent() ? inTeam : r.requiredString("team");
        LocalDate from = r.date("from").orElse(LocalDate.MIN);
        LocalDate to = r.date("to").orElse(null);
        r.rejectUnknownKeys();
        if (person.isEmpty() || team.isEmpty()) {
            return Optional.empty();
        }
        if (!people.contains(PersonId.of(person.get()))) {
            problems.add(n.keyLocation("person"), "names unknown person '" + person.get() + "'");
        }
        return Optional.of(new TeamMembership(PersonId.of(person.get()), TeamId.of(team.get()), range(n, from, to)));
    }

    void fxRates(List<YamlNode> nodes) {
        for (YamlNode n : nodes) {
            MapReader r = MapReader.of(n, "an FX rate", problems);
            Optional<CurrencyUnit> from = currency(r, "from");
            Optional<CurrencyUnit> to = currency(r, "to");
            Optional<LocalDate> effective = r.requiredDate("effective");
            Optional<BigDecimal> rate = r.requiredDecimal("rate");
            r.rejectUnknownKeys();
            if (rate.isPresent() && rate.get().signum() <= 0) {
                problems.add(n, "an FX rate must be positive");
            } else if (from.isPresent() && to.isPresent() && effective.isPresent() && rate.isPresent()) {
                input.fxRate(new FxRate(from.get(), to.get(), effective.get(), rate.get()));
            }
        }
    }

    /**
     * Accounts: an {@code id} and the attributes territory rules and conditions read (country, industry, ...),
     * written flat ({@code {id: A-SE, country: SE}}). A transaction names its account by id.
     */
    void accounts(List<YamlNode> nodes) {
        for (YamlNode n : nodes) {
            if (!n.isMapping()) {
                problems.add(n, "an account must be a mapping of key: value");
                continue;
            }
            YamlNode id = n.entries().get("id");
            if (id == null || !id.isScalar()) {
                problems.add(n, "missing required field 'id'");
                continue;
            }
            if (accountsById.containsKey(id.text())) {
                problems.add(n.keyLocation("id"), "account id '" + id.text() + "' is used twice");
                continue;
            }
            Map<String, Object> attributes = map(n);
            accountsById.put(id.text(), attributes);
            accountNodes.put(id.text(), n);
            accounts.add(attributes);
        }
    }

    Map<String, Map<String, Object>> accountsById() {
        return accountsById;
    }

    Map<String, YamlNode> accountNodes() {
        return accountNodes;
    }

    List<Transaction> transactionsRead() {
        return transactions;
    }

    List<YamlNode> transactionNodes() {
        return transactionNodes;
    }

    void transactions(List<YamlNode> nodes) {
        for (YamlNode n : nodes) {
            MapReader r = MapReader.of(n, "a transaction", problems);
            Optional<String> id = r.requiredString("id");
            String owner = r.string("owner").orElse(null);
            List<Split> splits = new ArrayList<>();
            for (YamlNode s : r.list("splits")) {
                MapReader sr = MapReader.of(s, "a split", problems);
                Optional<String> person = sr.requiredString("person");
                Optional<BigDecimal> share = sr.requiredDecimal("share");
                boolean overlay = sr.bool("overlay").orElse(false);
                sr.rejectUnknownKeys();
                if (person.isPresent() && share.isPresent()) {
                    splits.add(new Split(PersonId.of(person.get()), share.get(), overlay));
                }
            }
            Optional<LocalDate> close = r.requiredDate("close");
            Optional<BigDecimal> amount = r.requiredDecimal("amount");
            CurrencyUnit txnCurrency = currency(r, "currency").orElse(currency);
            String status = r.string("status").orElse("won");
            String type = r.string("type").orElse(null);
            String product = r.string("product").orElse(null);
            Map<String, Object> account =
                    r.optional("account").map(this::account).orElse(Map.of());
            LocalDate recorded = r.date("recorded").orElse(null);
            String kind = r.string("kind").orElse(null);
            String refersTo = r.string("refers_to").orElse(null);
            Map<String, Object> attributes = attributes(r);
            // Rate tables key on these two so often that they may be written flat: deal.product_family,
            // account.segment.
            Optional<String> family = r.string("product_family");
            Optional<String> segment = r.string("segment");
            if (family.isPresent()) {
                attributes = with(attributes, "product_family", family.get());
            }
            if (segment.isPresent()) {
                account = with(account, "segment", segment.get());
            }
            dealAttributes.add(attributes);
            accounts.add(account);
            r.rejectUnknownKeys();
            if (owner == null && splits.isEmpty() && id.isPresent()) {
                problems.add(n, "a transaction needs an 'owner' or 'splits'");
            }
            if (id.isPresent() && close.isPresent() && amount.isPresent()) {
                Transaction t = new Transaction(
                        TransactionId.of(id.get()),
                        owner == null ? null : PersonId.of(owner),
                        splits,
                        close.get(),
                        Money.of(amount.get(), txnCurrency),
                        status,
                        type,
                        product,
                        account,
                        attributes,
                        recorded);
                t = returnLinks.read(n, t, kind, refersTo);
                input.transaction(t);
                transactions.add(t);
                transactionNodes.add(n);
            }
        }
        returnLinks.check(transactions);
    }

    /** {@code close_periods: [{period: 2026-Q1, on: 2026-04-05}]}: the same as close_period events. */
    void closePeriods(List<YamlNode> nodes) {
        for (YamlNode n : nodes) {
            MapReader r = MapReader.of(n, "a period close", problems);
            Optional<PeriodId> period = period(r, "period", true);
            Optional<LocalDate> on = r.requiredDate("on");
            r.rejectUnknownKeys();
            if (period.isPresent() && on.isPresent()) {
                input.event(new Event.PeriodClosed(period.get(), on.get()));
            }
        }
    }

    void events(List<YamlNode> nodes) {
        for (YamlNode n : nodes) {
            MapReader r = MapReader.of(n, "an event", problems);
            Optional<String> kind = r.requiredString("kind");
            Optional<LocalDate> on = r.requiredDate("on");
            Optional<TransactionId> txn = r.string("transaction").map(TransactionId::of);
            Optional<PeriodId> period = period(r, "period", false);
            Optional<BigDecimal> amount = r.decimal("amount");
            Optional<String> status = r.string("status");
            r.rejectUnknownKeys();
            if (kind.isEmpty() || on.isEmpty()) {
                continue;
            }
            Event event = switch (kind.get()) {
                case "close_period" ->
                    period.map(p -> (Event) new Event.PeriodClosed(p, on.get()))
                            .orElseGet(() -> missing(n, "close_period needs 'period'"));
                case "cancelled" ->
                    txn.map(t -> (Event) new Event.TransactionCancelled(t, on.get()))
                            .orElseGet(() -> missing(n, "cancelled needs 'transaction'"));
                case "correct_transaction" ->
                    txn.filter(t -> amount.isPresent() || status.isPresent())
                            .map(t -> (Event) new Event.TransactionCorrected(
                                    t, on.get(), amount.orElse(null), status.orElse(null)))
                            .orElseGet(() ->
                                    missing(n, "correct_transaction needs 'transaction' and 'amount' or 'status'"));
                default ->
                    txn.map(t -> (Event) new Event.TransactionMilestone(t, kind.get(), on.get()))
                            .orElseGet(() -> missing(n, "event '" + kind.get() + "' needs 'transaction'"));
            };
            if (event != null) {
                input.event(event);
            }
        }
    }

    void kpiScores(List<YamlNode> nodes) {
        for (YamlNode n : nodes) {
            MapReader r = MapReader.of(n, "a KPI score", problems);
            Optional<String> person = r.requiredString("person");
            Optional<PeriodId> period = period(r, "period", true);
            Optional<String> kpi = r.requiredString("kpi");
            Optional<BigDecimal> score = r.requiredDecimal("score");
            r.rejectUnknownKeys();
            if (person.isPresent() && period.isPresent() && kpi.isPresent() && score.isPresent()) {
                input.kpiScore(new KpiScore(PersonId.of(person.get()), period.get(), kpi.get(), score.get()));
            }
        }
    }

    /**
     * Objectives a manager scored ({@code by}, a person of the scenario): the score of an MBO objective by its id,
     * for a person and period, as a fraction (1.00 = fully met). An objective without a row is unscored.
     */
    void objectiveScores(List<YamlNode> nodes, List<PersonId> people) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (YamlNode n : nodes) {
            MapReader r = MapReader.of(n, "an objective score", problems);
            Optional<String> person = r.requiredString("person");
            Optional<PeriodId> period = period(r, "period", true);
            Optional<String> objective = r.requiredString("objective");
            Optional<BigDecimal> score = r.requiredDecimal("score");
            Optional<String> by = r.string("by");
            r.rejectUnknownKeys();
            by.filter(b -> !people.contains(PersonId.of(b)))
                    .ifPresent(b -> problems.add(n.keyLocation("by"), "names unknown person '" + b + "'"));
            person.filter(p -> !people.contains(PersonId.of(p)))
                    .ifPresent(p -> problems.add(n.keyLocation("person"), "names unknown person '" + p + "'"));
            score.filter(x -> x.signum() < 0)
                    .ifPresent(x -> problems.add(n.keyLocation("score"), "a score must not be negative"));
            if (person.isPresent() && period.isPresent() && objective.isPresent() && score.isPresent()) {
                if (!seen.add(person.get() + " " + period.get() + " " + objective.get())) {
                    problems.add(
                            n.keyLocation("objective"),
                            "objective '" + objective.get() + "' of " + person.get() + " in " + period.get()
                                    + " is scored twice");
                }
                input.kpiScore(new KpiScore(PersonId.of(person.get()), period.get(), objective.get(), score.get()));
            }
        }
    }

    void adjustments(List<YamlNode> nodes) {
        for (YamlNode n : nodes) {
            MapReader r = MapReader.of(n, "an adjustment", problems);
            Optional<String> person = r.requiredString("person");
            Optional<PeriodId> period = period(r, "period", true);
            Optional<BigDecimal> amount = r.requiredDecimal("amount");
            Optional<String> reason = r.requiredString("reason");
            r.rejectUnknownKeys();
            if (person.isPresent() && period.isPresent() && amount.isPresent() && reason.isPresent()) {
                input.adjustment(new ManualAdjustment(
                        PersonId.of(person.get()), period.get(), Money.of(amount.get(), currency), reason.get()));
            }
        }
    }

    /** {@code base} plus every attribute the scenario's deals, accounts and people carry: its data dictionary. */
    DataDictionary dictionary(DataDictionary base) {
        return base.withAttributesOf("deal", dealAttributes)
                .withAttributesOf("account", accounts)
                .withAttributesOf("person", personAttributes);
    }

    Optional<PeriodId> period(MapReader r, String key, boolean required) {
        Optional<YamlNode> node = required ? r.required(key) : r.optional(key);
        return node.flatMap(p -> r.parse(p, key, "a period like 2026-02, 2026-Q1 or 2026", PeriodId::parse));
    }

    private Optional<CurrencyUnit> currency(MapReader r, String key) {
        return r.optional(key).flatMap(c -> r.parse(c, key, "an ISO currency code like EUR", CurrencyUnit::of));
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        Map<String, Object> more = new java.util.HashMap<>(map);
        more.put(key, value);
        return more;
    }

    private Map<String, Object> attributes(MapReader r) {
        return r.optional("attributes").map(this::map).orElse(Map.of());
    }

    /** A transaction's account: the id of one under {@code accounts}, or its attributes written inline. */
    private Map<String, Object> account(YamlNode node) {
        if (node.isScalar()) {
            Map<String, Object> known = accountsById.get(node.text());
            if (known == null) {
                problems.add(
                        node,
                        "names unknown account '" + node.text() + "'"
                                + (accountsById.isEmpty() ? " (no 'accounts' are given)" : " (not under 'accounts')"));
                return Map.of();
            }
            return known;
        }
        return map(node);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(YamlNode node) {
        if (!node.isMapping()) {
            problems.add(node, "must be a mapping of name: value");
            return Map.of();
        }
        // An attribute written without a value (country:) is named here; a null could not reach a deal's facts.
        Map<String, Object> plain = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Object> e : ((Map<String, Object>) node.plainValue()).entrySet()) {
            if (e.getValue() == null) {
                YamlNode at = node.entries().get(e.getKey());
                problems.add(at == null ? node : at, "'" + e.getKey() + "' has no value");
            } else {
                plain.put(e.getKey(), e.getValue());
            }
        }
        return plain;
    }

    private DateRange range(YamlNode at, LocalDate from, LocalDate to) {
        if (to != null && to.isBefore(from)) {
            problems.add(at, "ends before it starts");
            return DateRange.from(from);
        }
        return DateRange.of(from, to);
    }

    private Event missing(YamlNode at, String reason) {
        problems.add(at, reason);
        return null;
    }
}
