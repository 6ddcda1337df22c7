package org.attain.engine.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.attain.engine.calc.CalculationInput;
import org.attain.engine.cel.CelConditions;
import org.attain.engine.cel.DealCondition;
import org.attain.engine.cel.ExpressionError;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.Transaction;
import org.attain.engine.model.TransactionId;
import org.attain.engine.money.Money;
import org.attain.engine.territory.CreditingPolicy;
import org.attain.engine.territory.Territory;
import org.attain.engine.territory.TerritoryConflict;
import org.attain.engine.territory.TerritoryCrediting;
import org.attain.engine.territory.TerritoryMap;
import org.attain.engine.territory.TerritoryMember;
import org.attain.engine.territory.TerritoryRole;
import org.attain.engine.territory.TerritoryRule;
import org.attain.engine.yaml.MapReader;
import org.attain.engine.yaml.Problems;
import org.attain.engine.yaml.YamlNode;

/**
 * Reads a scenario's territories and crediting policy:
 *
 * <pre>
 * territories:
 *   - {id: NORDICS, name: Nordics, precedence: 0, rule: "account.country in ['SE', 'NO']",
 *      owner: r1, overlays: [s1], from: 2025-01-01, until: 2027-01-01}
 *   - id: DACH
 *     rule: "account.country in ['DE', 'AT', 'CH']"
 *     members: [{person: r2, role: owner, until: 2026-02-15}, {person: r3, role: owner, from: 2026-02-15}]
 * crediting: {precedence: [territory, owner], primary_once: true}
 * </pre>
 *
 * {@code owner}/{@code overlays} hold for the territory's whole validity; {@code members} date each person
 * ({@code until} exclusive). The highest {@code precedence} (default 0) wins; territories of equal precedence
 * that both claim an account or a deal are an error. Territories without {@code crediting} credit
 * territory first, the deal owner where none claims, primary credit once.
 */
final class TerritoryReader {

    private final Problems problems;
    private final CelConditions cel;
    private final Set<PersonId> people;
    private final FactReader facts;

    TerritoryReader(Problems problems, CelConditions cel, List<PersonId> people, FactReader facts) {
        this.problems = problems;
        this.cel = cel;
        this.people = Set.copyOf(people);
        this.facts = facts;
    }

    void read(List<YamlNode> territoryNodes, Optional<YamlNode> creditingNode, CalculationInput.Builder input) {
        List<Territory> territories = new ArrayList<>();
        List<YamlNode> where = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (YamlNode n : territoryNodes) {
            territory(n).ifPresent(t -> {
                if (!ids.add(t.id())) {
                    problems.add(n.keyLocation("id"), "territory id '" + t.id() + "' is used twice");
                } else {
                    territories.add(t);
                    where.add(n);
                }
            });
        }
        Optional<CreditingPolicy> policy = creditingNode.flatMap(this::policy);
        if (territories.isEmpty() && policy.isEmpty()) {
            return;
        }
        TerritoryMap map = new TerritoryMap(territories);
        if (!checkOverlaps(territories, where)) {
            checkDeals(map);
        }
        input.territories(TerritoryCrediting.of(policy.orElse(CreditingPolicy.TERRITORY_FIRST), map));
    }

    private Optional<Territory> territory(YamlNode n) {
        MapReader r = MapReader.of(n, "a territory", problems);
        Optional<String> id = r.requiredString("id");
        String name = r.string("name").orElse(null);
        int precedence = r.integer("precedence").orElse(0);
        Optional<YamlNode> ruleNode = r.required("rule");
        LocalDate from = r.date("from").orElse(null);
        LocalDate until = r.date("until").orElse(null);
        List<TerritoryMember> members = new ArrayList<>();
        r.string("owner")
                .ifPresent(p -> person(n, "owner", p)
                        .ifPresent(
                                person -> members.add(new TerritoryMember(person, TerritoryRole.OWNER, from, until))));
        for (String p : r.strings("overlays")) {
            person(n, "overlays", p)
                    .ifPresent(person -> members.add(new TerritoryMember(person, TerritoryRole.OVERLAY, from, until)));
        }
        for (YamlNode m : r.list("members")) {
            member(m, from, until).ifPresent(members::add);
        }
        r.rejectUnknownKeys();
        Optional<TerritoryRule> rule = ruleNode.flatMap(this::rule);
        if (id.isEmpty() || rule.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Territory(id.get(), name, precedence, rule.get(), from, until, members));
        } catch (IllegalArgumentException e) {
            problems.add(n, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<TerritoryMember> member(YamlNode n, LocalDate territoryFrom, LocalDate territoryUntil) {
        MapReader r = MapReader.of(n, "a territory member", problems);
        Optional<String> person = r.requiredString("person");
        Optional<TerritoryRole> role = r.required("role")
                .flatMap(v -> r.parse(v, "role", "owner or overlay", s -> switch (s) {
                    case "owner" -> TerritoryRole.OWNER;
                    case "overlay" -> TerritoryRole.OVERLAY;
                    default -> throw new IllegalArgumentException(s);
                }));
        LocalDate from = r.date("from").orElse(territoryFrom);
        LocalDate until = r.date("until").orElse(territoryUntil);
        r.rejectUnknownKeys();
        Optional<PersonId> id = person.flatMap(p -> person(n, "person", p));
        if (id.isEmpty() || role.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TerritoryMember(id.get(), role.get(), from, until));
        } catch (IllegalArgumentException e) {
            problems.add(n, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<PersonId> person(YamlNode at, String key, String id) {
        PersonId person = PersonId.of(id);
        if (!people.contains(person)) {
            problems.add(at.isMapping() ? at.keyLocation(key) : at.location(), "names unknown person '" + id + "'");
            return Optional.empty();
        }
        return Optional.of(person);
    }

    private Optional<TerritoryRule> rule(YamlNode node) {
        if (!node.isScalar()) {
            problems.add(node, "'rule' must be a CEL expression in quotes");
            return Optional.empty();
        }
        CelConditions.Compiled<DealCondition> compiled = cel.deal(node.text());
        for (ExpressionError e : compiled.errors()) {
            problems.add(node.locationInText(e.line(), e.column()), e.message(), e.code(), e.args());
        }
        return compiled.ok() ? Optional.of(TerritoryRule.cel(compiled.condition())) : Optional.empty();
    }

    private Optional<CreditingPolicy> policy(YamlNode node) {
        MapReader r = MapReader.of(node, "a crediting policy", problems);
        List<CreditingPolicy.Source> sources = new ArrayList<>();
        Optional<YamlNode> precedence = r.required("precedence");
        for (YamlNode item : r.list("precedence")) {
            r.parse(item, "precedence", "territory or owner", CreditingPolicy.Source::parse)
                    .ifPresent(sources::add);
        }
        boolean once = r.bool("primary_once").orElse(true);
        r.rejectUnknownKeys();
        if (precedence.isEmpty() || sources.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CreditingPolicy(sources, once));
        } catch (IllegalArgumentException e) {
            problems.add(precedence.get(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Territories of equal precedence in force at the same time must not both claim an account; true if some do. */
    private boolean checkOverlaps(List<Territory> territories, List<YamlNode> where) {
        boolean found = false;
        for (Map.Entry<String, Map<String, Object>> account :
                facts.accountsById().entrySet()) {
            Transaction probe = new Transaction(
                    TransactionId.of("account " + account.getKey()),
                    null,
                    List.of(),
                    LocalDate.MIN,
                    Money.of(java.math.BigDecimal.ZERO, org.attain.engine.money.CurrencyUnit.of("USD")),
                    null,
                    null,
                    null,
                    account.getValue(),
                    null,
                    null);
            for (int i = 0; i < territories.size(); i++) {
                for (int j = 0; j < i; j++) {
                    Territory a = territories.get(j);
                    Territory b = territories.get(i);
                    if (a.precedence() == b.precedence()
                            && a.from().isBefore(b.until())
                            && b.from().isBefore(a.until())
                            && a.rule().covers(probe)
                            && b.rule().covers(probe)) {
                        problems.add(
                                where.get(i),
                                "territories " + a.id() + " and " + b.id() + " have the same precedence "
                                        + a.precedence() + ", are in force at the same time and both claim account '"
                                        + account.getKey() + "'; give one a higher precedence");
                        found = true;
                    }
                }
            }
        }
        return found;
    }

    /** The same check for each deal on its credit date (deals may carry their account inline). */
    private void checkDeals(TerritoryMap map) {
        List<Transaction> deals = facts.transactionsRead();
        for (int i = 0; i < deals.size(); i++) {
            try {
                map.claim(deals.get(i), deals.get(i).closeDate());
            } catch (TerritoryConflict c) {
                problems.add(facts.transactionNodes().get(i), c.getMessage() + "; give one a higher precedence");
            }
        }
    }
}
