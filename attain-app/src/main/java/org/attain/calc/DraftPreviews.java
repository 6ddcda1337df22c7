package org.attain.calc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.attain.engine.calc.CalculationInput;
import org.attain.engine.calc.EarningsLine;
import org.attain.engine.calc.Engine;
import org.attain.engine.calc.PayeePeriodResult;
import org.attain.engine.model.Event;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.Quota;
import org.attain.engine.model.ReturnOf;
import org.attain.engine.model.Split;
import org.attain.engine.model.Transaction;
import org.attain.engine.model.TransactionId;
import org.attain.engine.money.CurrencyUnit;
import org.attain.engine.money.Money;
import org.attain.engine.plan.PlanCompilation;
import org.attain.engine.plan.PlanCompiler;
import org.attain.engine.territory.ClaimingTerritory;
import org.attain.engine.territory.TerritoryConflict;
import org.attain.engine.territory.TerritoryCrediting;
import org.attain.engine.time.DateRange;
import org.attain.engine.time.PeriodId;
import org.attain.sales.BookedTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A plan editor's view of real data, with nothing written: a person's statement for a period under a draft
 * plan beside the one under the published plans (the same engine on the same snapshot as a run), and a
 * scenario in the project's format made from their real deals and quota with today's results as expected.
 */
@Service
public class DraftPreviews {

    private final CalcInputs inputs;
    private final BookedTransactions booked;
    private final CalcRuns runs;
    private final JdbcClient jdbc;
    private final Engine engine = new Engine();

    DraftPreviews(CalcInputs inputs, CalcRuns runs, JdbcClient jdbc, BookedTransactions booked) {
        this.inputs = inputs;
        this.runs = runs;
        this.jdbc = jdbc;
        this.booked = booked;
    }

    public record Line(String component, BigDecimal published, BigDecimal draft, BigDecimal difference) {}

    public record Preview(
            String period,
            String currency,
            BigDecimal published,
            BigDecimal draft,
            BigDecimal difference,
            BigDecimal attainmentPublished,
            BigDecimal attainmentDraft,
            List<Line> lines) {}

    /** The periods a preview or a scenario can be made for (those a run computes by default). */
    public List<String> periods() {
        return runs.defaultPeriods().stream().map(PeriodId::toString).toList();
    }

    /**
     * The person's statement for {@code period} under the published plans and under {@code draftYaml} (in
     * place of every version of the plan with its id); empty when the draft does not compile or the person
     * has no statement for that period.
     */
    public Optional<Preview> preview(long personId, String period, String draftYaml) {
        PlanCompilation compiled = new PlanCompiler().compile("draft", draftYaml);
        if (compiled.plan().isEmpty()) {
            return Optional.empty();
        }
        PeriodId p = PeriodId.parse(period);
        CalculationInput base = input(personId, p);
        PersonId payee = CalcInputs.pid(personId);
        Optional<PayeePeriodResult> before = engine.calculate(base).statement(payee, p);
        Optional<PayeePeriodResult> after =
                engine.calculate(base.withPlan(compiled.plan().get())).statement(payee, p);
        if (before.isEmpty() && after.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Money> was = before.map(DraftPreviews::totals).orElse(Map.of());
        Map<String, Money> now = after.map(DraftPreviews::totals).orElse(Map.of());
        String currency = after.or(() -> before).get().payout().currency().code();
        List<Line> lines = new ArrayList<>();
        Map<String, Boolean> components = new LinkedHashMap<>();
        was.keySet().forEach(c -> components.put(c, true));
        now.keySet().forEach(c -> components.put(c, true));
        for (String c : components.keySet()) {
            BigDecimal b = amount(was.get(c));
            BigDecimal a = amount(now.get(c));
            lines.add(new Line(c, b, a, a.subtract(b)));
        }
        BigDecimal published = before.map(s -> s.earnings().rounded().amount()).orElse(BigDecimal.ZERO.setScale(2));
        BigDecimal draft = after.map(s -> s.earnings().rounded().amount()).orElse(BigDecimal.ZERO.setScale(2));
        return Optional.of(new Preview(
                p.toString(),
                currency,
                published,
                draft,
                draft.subtract(published),
                before.flatMap(PayeePeriodResult::attainmentShown).orElse(null),
                after.flatMap(PayeePeriodResult::attainmentShown).orElse(null),
                lines));
    }

    /**
     * A scenario (the project's format, without its plan: the plan under test is put in when it runs) of the
     * person in {@code period}: them, their quotas, every deal credited to them in the period (owned, split, or
     * through a territory they own or overlay, with the crediting policy and those territories), the linked returns
     * recorded in it with the deals they return (and those deals' periods, with their deals and quotas), and as
     * expected what the published plans pay them today, component by component. People a deal or a territory
     * names besides them are listed too. Empty when they have no statement for that period.
     */
    public record Drafted(String name, String yaml) {}

    public Optional<Drafted> scenario(long personId, String period) {
        PeriodId p = PeriodId.parse(period);
        CalculationInput base = input(personId, p);
        PersonId payee = CalcInputs.pid(personId);
        Optional<PayeePeriodResult> statement = engine.calculate(base).statement(payee, p);
        if (statement.isEmpty()) {
            return Optional.empty();
        }
        String id = "p" + personId;
        Deals deals = Deals.of(base, payee, p);
        var person = base.people().stream().filter(x -> x.id().equals(payee)).findFirst();
        String name = person.map(x -> x.name()).orElse(id) + " " + p;
        CurrencyUnit currency = statement.get().payout().currency();
        StringBuilder y = new StringBuilder();
        y.append("scenario: ").append(q(name)).append('\n');
        y.append("title: ").append(q(name)).append('\n');
        y.append("periods: [")
                .append(String.join(
                        ", ", deals.periods().stream().map(PeriodId::toString).toList()))
                .append("]\n");
        if (deals.periods().size() > 1) {
            y.append("# ")
                    .append(deals.periods().get(0))
                    .append(" too: a return in ")
                    .append(p)
                    .append(" takes back what its deal earned there\n");
        }
        y.append("currency: ").append(currency.code()).append('\n');
        y.append("people:\n  - {id: ").append(id);
        person.ifPresent(x -> {
            y.append(", name: ").append(q(x.name()));
            if (!x.role().isBlank()) {
                y.append(", role: ").append(q(x.role()));
            }
            if (!x.employment().first().equals(LocalDate.MIN)) {
                y.append(", start: ").append(x.employment().first());
            }
        });
        y.append("}\n");
        for (PersonId other : deals.others()) {
            y.append("  - {id: ").append(pid(other));
            base.people().stream()
                    .filter(x -> x.id().equals(other))
                    .findFirst()
                    .ifPresent(x -> y.append(", name: ").append(q(x.name())));
            y.append("} # named by a deal or territory below\n");
        }
        List<Quota> quotas = base.quotas().stream()
                .filter(x -> x.person().equals(payee) && deals.periods().contains(x.period()))
                .toList();
        if (!quotas.isEmpty()) {
            y.append("quotas:\n");
            for (Quota x : quotas) {
                y.append("  - {person: ").append(id).append(", period: ").append(x.period());
                if (x.measure() != null && !x.measure().isBlank()) {
                    y.append(", measure: ").append(q(x.measure()));
                }
                y.append(", amount: ").append(q(x.amount().amount().toPlainString()));
                if (!x.amount().currency().equals(currency)) {
                    y.append(", currency: ").append(x.amount().currency().code());
                }
                y.append("}\n");
            }
        }
        territories(y, base, deals);
        if (!deals.list().isEmpty()) {
            y.append("transactions:\n");
            for (Transaction t : deals.list()) {
                transaction(y, t, deals.links().get(t.id()));
            }
        }
        y.append("expected:\n");
        for (Map.Entry<String, Money> e : totals(statement.get()).entrySet()) {
            y.append("  - {person: ")
                    .append(id)
                    .append(", period: ")
                    .append(p)
                    .append(", component: ")
                    .append(q(e.getKey()))
                    .append(", amount: ")
                    .append(q(e.getValue().amount().toPlainString()))
                    .append("}\n");
        }
        return Optional.of(new Drafted(name, y.toString()));
    }

    /**
     * What a scenario of one person needs of a run's deals: those credited to them in the period (owned, split,
     * or through a territory they own or overlay), the linked returns recorded in it of deals credited to them,
     * and, when there are such returns, the periods from the earliest returned deal's on with their deals too (a
     * return takes back what its deal earned, at the rates of its own period).
     */
    record Deals(
            List<PeriodId> periods,
            List<Transaction> list,
            Map<TransactionId, ReturnOf> links,
            Map<TransactionId, ClaimingTerritory> claims,
            List<PersonId> others) {

        static Deals of(CalculationInput base, PersonId payee, PeriodId p) {
            Map<TransactionId, ReturnOf> links = new LinkedHashMap<>();
            for (Event e : base.events()) {
                if (e instanceof Event.TransactionReturned r) {
                    links.put(r.transaction(), new ReturnOf(r.kind(), r.refersTo()));
                }
            }
            Map<TransactionId, Transaction> byId = new LinkedHashMap<>();
            for (Transaction t : base.transactions()) {
                byId.putIfAbsent(t.id(), t);
                if (t.returnOf() != null) {
                    links.putIfAbsent(t.id(), t.returnOf());
                }
            }
            Map<TransactionId, ClaimingTerritory> claims = new LinkedHashMap<>();
            TerritoryCrediting territories = base.territories();
            boolean claiming = territories.active() && territories.policy().usesTerritories();
            java.util.function.Predicate<Transaction> mine = t -> {
                if (payee.equals(t.owner())
                        || t.splits().stream().anyMatch(s -> s.person().equals(payee))) {
                    return true;
                }
                ClaimingTerritory c = claiming ? claim(territories, t) : null;
                return c != null && (payee.equals(c.owner()) || c.overlays().contains(payee));
            };
            DateRange range = base.calendar().range(p);
            PeriodId first = p;
            for (Transaction t : base.transactions()) {
                ReturnOf link = links.get(t.id());
                Transaction original = link == null ? null : byId.get(link.refersTo());
                if (original != null && range.contains(t.closeDate()) && (mine.test(t) || mine.test(original))) {
                    PeriodId earned = base.calendar().periodOf(original.closeDate(), p.kind());
                    first = earned.compareTo(first) < 0 ? earned : first;
                }
            }
            List<PeriodId> periods = new ArrayList<>();
            for (PeriodId x = first; x.compareTo(p) <= 0; x = base.calendar().next(x)) {
                periods.add(x);
            }
            DateRange window = new DateRange(base.calendar().range(first).first(), range.last());
            List<Transaction> list = new ArrayList<>();
            Set<PersonId> others = new java.util.LinkedHashSet<>();
            for (Transaction t : base.transactions()) {
                if (!window.contains(t.closeDate())) {
                    continue;
                }
                ReturnOf link = links.get(t.id());
                Transaction original = link == null ? null : byId.get(link.refersTo());
                if (!mine.test(t) && (original == null || !mine.test(original))) {
                    continue;
                }
                list.add(t);
                if (t.owner() != null && !t.owner().equals(payee)) {
                    others.add(t.owner());
                }
                t.splits().stream()
                        .map(Split::person)
                        .filter(x -> !x.equals(payee))
                        .forEach(others::add);
                ClaimingTerritory c = claiming ? claim(territories, t) : null;
                if (c != null) {
                    claims.put(t.id(), c);
                    if (c.owner() != null && !c.owner().equals(payee)) {
                        others.add(c.owner());
                    }
                    c.overlays().stream().filter(o -> !o.equals(payee)).forEach(others::add);
                }
            }
            Set<TransactionId> kept = new java.util.HashSet<>();
            list.forEach(t -> kept.add(t.id()));
            links.keySet().retainAll(kept);
            // a return whose deal is not written (credited to someone else) could not name it: left out
            list.removeIf(t -> links.containsKey(t.id())
                    && !kept.contains(links.get(t.id()).refersTo()));
            return new Deals(periods, list, links, claims, List.copyOf(others));
        }

        private static ClaimingTerritory claim(TerritoryCrediting territories, Transaction t) {
            try {
                return territories.claims().claim(t, t.closeDate()).orElse(null);
            } catch (TerritoryConflict e) {
                return null; // the run leaves such a deal out, and so does the scenario's own check
            }
        }
    }

    /**
     * The crediting policy and, for each territory that claimed a written deal, the territory with the owner and
     * overlays it had on those deals' days; its rule names the deals it claimed (the run found them by account).
     */
    private static void territories(StringBuilder y, CalculationInput base, Deals deals) {
        TerritoryCrediting territories = base.territories();
        if (!territories.active()) {
            return;
        }
        y.append("crediting: {precedence: [")
                .append(String.join(
                        ", ",
                        territories.policy().precedence().stream()
                                .map(x -> x.name().toLowerCase(java.util.Locale.ROOT))
                                .toList()))
                .append("], primary_once: ")
                .append(territories.policy().primaryOnce())
                .append("}\n");
        Map<String, List<String>> dealsOf = new LinkedHashMap<>();
        Map<String, ClaimingTerritory> byKey = new LinkedHashMap<>();
        for (Transaction t : deals.list()) {
            ClaimingTerritory c = deals.claims().get(t.id());
            if (c != null) {
                String key = c.id() + "|" + c.owner() + "|" + c.overlays();
                byKey.putIfAbsent(key, c);
                dealsOf.computeIfAbsent(key, k -> new ArrayList<>()).add(t.id().value());
            }
        }
        if (byKey.isEmpty()) {
            return;
        }
        y.append("territories:\n");
        Map<String, Integer> seen = new LinkedHashMap<>();
        byKey.forEach((key, c) -> {
            int n = seen.merge(c.id(), 1, Integer::sum);
            y.append("  - {id: ").append(q(n == 1 ? c.id() : c.id() + "-" + n));
            y.append(", name: ").append(q(c.name()));
            String ids = String.join(
                    ", ",
                    dealsOf.get(key).stream()
                            .map(d -> "'" + d.replace("\\", "\\\\").replace("'", "\\'") + "'")
                            .toList());
            y.append(", rule: ").append(q("deal.id in [" + ids + "]"));
            if (c.owner() != null) {
                y.append(", owner: ").append(pid(c.owner()));
            }
            if (!c.overlays().isEmpty()) {
                y.append(", overlays: [")
                        .append(String.join(
                                ", ",
                                c.overlays().stream().map(DraftPreviews::pid).toList()))
                        .append("]");
            }
            y.append("}\n");
        });
    }

    private static void transaction(StringBuilder y, Transaction t, ReturnOf link) {
        y.append("  - {id: ").append(q(t.id().value()));
        if (t.owner() != null) {
            y.append(", owner: ").append(pid(t.owner()));
        }
        if (!t.splits().isEmpty()) {
            // every split: a deal's splits add up to the whole, or the check leaves the deal out
            List<String> splits = new ArrayList<>();
            for (Split s : t.splits()) {
                splits.add("{person: " + pid(s.person()) + ", share: "
                        + q(s.share().toPlainString()) + (s.overlay() ? ", overlay: true" : "") + "}");
            }
            y.append(", splits: [").append(String.join(", ", splits)).append("]");
        }
        y.append(", close: ").append(t.closeDate());
        if (t.recordedOn() != null) {
            y.append(", recorded: ").append(t.recordedOn());
        }
        y.append(", amount: ").append(q(t.amount().amount().toPlainString()));
        y.append(", currency: ").append(t.amount().currency().code());
        y.append(", status: ").append(q(t.status()));
        if (link != null) {
            y.append(", kind: ")
                    .append(link.kind())
                    .append(", refers_to: ")
                    .append(q(link.refersTo().value()));
        }
        if (t.type() != null && !t.type().isBlank()) {
            y.append(", type: ").append(q(t.type()));
        }
        if (t.product() != null && !t.product().isBlank()) {
            y.append(", product: ").append(q(t.product()));
        }
        if (!t.account().isEmpty()) {
            y.append(", account: ").append(flow(t.account()));
        }
        if (!t.attributes().isEmpty()) {
            y.append(", attributes: ").append(flow(t.attributes()));
        }
        y.append("}\n");
    }

    /** A person's id in a scenario: p and the person's number. */
    private static String pid(PersonId person) {
        return "p" + person.value();
    }

    private CalculationInput input(long personId, PeriodId period) {
        var snapshot = inputs.snapshot(runs.defaultPeriods(), Set.of(personId));
        var reach = snapshot.reach(Set.of(personId));
        CalculationInput all = snapshot.forChunk(
                booked.read(jdbc, snapshot.window(), reach.people(), reach.accounts()),
                Set.of(CalcInputs.pid(personId)));
        List<PeriodId> periods = new ArrayList<>();
        for (PeriodId p : all.periods()) {
            if (p.kind() == period.kind() && p.compareTo(period) < 0) {
                periods.add(p);
            }
        }
        periods.add(period);
        return all.only(Set.of(CalcInputs.pid(personId)), periods, all.openingLedger());
    }

    private static Map<String, Money> totals(PayeePeriodResult s) {
        Map<String, Money> map = new LinkedHashMap<>();
        for (EarningsLine l : s.lines()) {
            map.merge(l.component(), l.amount(), Money::plus);
        }
        return map;
    }

    private static BigDecimal amount(Money m) {
        return m == null ? BigDecimal.ZERO.setScale(2) : m.rounded().amount();
    }

    private static String flow(Map<String, Object> map) {
        StringBuilder out = new StringBuilder("{");
        map.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append(e.getKey()).append(": ");
            Object v = e.getValue();
            out.append(v instanceof Number || v instanceof Boolean ? v.toString() : q(String.valueOf(v)));
        });
        return out.append('}').toString();
    }

    /** A double-quoted YAML scalar. */
    private static String q(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
