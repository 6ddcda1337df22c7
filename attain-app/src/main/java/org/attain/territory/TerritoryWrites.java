package org.attain.territory;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.attain.platform.NotFoundException;
import org.attain.territory.TerritoryChanges.MemberInput;
import org.attain.territory.TerritoryChanges.RuleInput;
import org.attain.territory.TerritoryChanges.TerritoryInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The checked writes behind {@link TerritoryChanges}, in the caller's transaction: every problem is reported at
 * once ({@link TerritoryRefused}) before anything is written, a write that lets two territories claim one account at
 * the same precedence throws after it (the caller rolls back: the whole transaction, or an import's savepoint), and
 * {@link TerritoriesChanged} names the people whose territory credit may move.
 */
@Component
class TerritoryWrites {

    private static final Set<String> SIZE_BANDS = Set.of("SMB", "MID", "ENTERPRISE");

    private final JdbcClient jdbc;
    private final Territories territories;
    private final ChangeImpact impact;
    private final ApplicationEventPublisher events;

    TerritoryWrites(JdbcClient jdbc, Territories territories, ChangeImpact impact, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.territories = territories;
        this.impact = impact;
        this.events = events;
    }

    Hierarchy createHierarchy(String code, String name) {
        TerritoryChecks checks = new TerritoryChecks();
        checks.required("code", code);
        checks.required("name", name);
        if (code != null && territories.hierarchyByCode(code.strip()).isPresent()) {
            checks.add(
                    "code", "territory.problem.codeTaken", "code " + code.strip() + " is already taken", code.strip());
        }
        checks.throwIfAny();
        long id = jdbc.sql("insert into territory_hierarchy(code, name) values (:c, :n) returning id")
                .param("c", code.strip())
                .param("n", name.strip())
                .query(Long.class)
                .single();
        return new Hierarchy(id, code.strip(), name.strip());
    }

    Territory createTerritory(TerritoryInput in, String actor) {
        check(in, null);
        long id = jdbc.sql("""
                insert into territory(hierarchy_id, code, name, level, parent_id, valid_from, valid_until)
                values (:h, :c, :n, :l, :p, :f, :u) returning id""")
                .param("h", in.hierarchyId())
                .param("c", in.code().strip())
                .param("n", in.name().strip())
                .param("l", in.level().name())
                .param("p", in.parentId())
                .param("f", in.validFrom())
                .param("u", in.validUntil())
                .query(Long.class)
                .single();
        // A new territory claims nothing until it has rules: no assignment moves.
        return territories.find(id).orElseThrow();
    }

    Territory updateTerritory(long id, TerritoryInput in, String actor) {
        Territory old = territories.find(id).orElseThrow(() -> new NotFoundException("territory", id));
        TerritoryInput given = new TerritoryInput(
                old.hierarchyId(), in.code(), in.name(), in.level(), in.parentId(), in.validFrom(), in.validUntil());
        check(given, old);
        LocalDate from = ChangeImpact.earliest(old.validFrom(), given.validFrom());
        LocalDate until = ChangeImpact.latest(old.validUntil(), given.validUntil());
        ChangeImpact.Snapshot before = impact.snapshot(old.hierarchyId(), from, until);
        jdbc.sql("""
                update territory set code = :c, name = :n, level = :l, parent_id = :p, valid_from = :f, valid_until = :u
                where id = :id""")
                .param("c", given.code().strip())
                .param("n", given.name().strip())
                .param("l", given.level().name())
                .param("p", given.parentId())
                .param("f", given.validFrom())
                .param("u", given.validUntil())
                .param("id", id)
                .update();
        afterWrite(
                old.hierarchyId(),
                Set.of(id),
                before,
                from,
                until,
                "validFrom",
                "territory " + given.code().strip() + " changed",
                actor);
        return territories.find(id).orElseThrow();
    }

    TerritoryRule addRule(long territoryId, RuleInput in, String actor) {
        Territory t = territories.find(territoryId).orElseThrow(() -> new NotFoundException("territory", territoryId));
        List<Long> accounts = check(in);
        ChangeImpact.Snapshot before = impact.snapshot(t.hierarchyId(), in.validFrom(), in.validUntil());
        long id = jdbc.sql("""
                insert into territory_rule(territory_id, precedence, countries, postal_from, postal_to, industries, size_bands,
                                           account_ids, valid_from, valid_until)
                values (:t, :p, cast(:c as text[]), :pf, :pt, cast(:i as text[]), cast(:s as text[]), cast(:a as bigint[]), :f, :u)
                returning id""")
                .param("t", territoryId)
                .params(ruleParams(in, accounts))
                .query(Long.class)
                .single();
        afterWrite(
                t.hierarchyId(),
                Set.of(territoryId),
                before,
                in.validFrom(),
                in.validUntil(),
                "precedence",
                "territory " + t.code() + ": rule added",
                actor);
        return territories.rule(id).orElseThrow();
    }

    TerritoryRule updateRule(long territoryId, long ruleId, RuleInput in, String actor) {
        Territory t = territories.find(territoryId).orElseThrow(() -> new NotFoundException("territory", territoryId));
        TerritoryRule old = territories
                .rule(ruleId)
                .filter(r -> r.territoryId() == territoryId)
                .orElseThrow(() -> new NotFoundException("rule", ruleId));
        List<Long> accounts = check(in);
        LocalDate from = ChangeImpact.earliest(old.validFrom(), in.validFrom());
        LocalDate until = ChangeImpact.latest(old.validUntil(), in.validUntil());
        ChangeImpact.Snapshot before = impact.snapshot(t.hierarchyId(), from, until);
        jdbc.sql("""
                update territory_rule set precedence = :p, countries = cast(:c as text[]), postal_from = :pf, postal_to = :pt,
                    industries = cast(:i as text[]), size_bands = cast(:s as text[]), account_ids = cast(:a as bigint[]),
                    valid_from = :f, valid_until = :u
                where id = :id""").params(ruleParams(in, accounts)).param("id", ruleId).update();
        afterWrite(
                t.hierarchyId(),
                Set.of(territoryId),
                before,
                from,
                until,
                "precedence",
                "territory " + t.code() + ": rule changed",
                actor);
        return territories.rule(ruleId).orElseThrow();
    }

    void deleteRule(long territoryId, long ruleId, String actor) {
        Territory t = territories.find(territoryId).orElseThrow(() -> new NotFoundException("territory", territoryId));
        TerritoryRule old = territories
                .rule(ruleId)
                .filter(r -> r.territoryId() == territoryId)
                .orElseThrow(() -> new NotFoundException("rule", ruleId));
        ChangeImpact.Snapshot before = impact.snapshot(t.hierarchyId(), old.validFrom(), old.validUntil());
        jdbc.sql("delete from territory_rule where id = :id")
                .param("id", ruleId)
                .update();
        afterWrite(
                t.hierarchyId(),
                Set.of(territoryId),
                before,
                old.validFrom(),
                old.validUntil(),
                "precedence",
                "territory " + t.code() + ": rule removed",
                actor);
    }

    TerritoryMember addMember(long territoryId, MemberInput in, String actor) {
        Territory t = territories.find(territoryId).orElseThrow(() -> new NotFoundException("territory", territoryId));
        long person = check(t, in, null);
        long id = jdbc.sql("""
                insert into territory_member(territory_id, person_id, role, valid_from, valid_until)
                values (:t, :p, :r, :f, :u) returning id""")
                .param("t", territoryId)
                .param("p", person)
                .param("r", in.role().name())
                .param("f", in.validFrom())
                .param("u", in.validUntil())
                .query(Long.class)
                .single();
        memberChanged(t, Set.of(person), in.validFrom(), in.validUntil(), "member added", actor);
        return territories.member(id).orElseThrow();
    }

    TerritoryMember updateMember(long territoryId, long memberId, MemberInput in, String actor) {
        Territory t = territories.find(territoryId).orElseThrow(() -> new NotFoundException("territory", territoryId));
        TerritoryMember old = territories
                .member(memberId)
                .filter(m -> m.territoryId() == territoryId)
                .orElseThrow(() -> new NotFoundException("member", memberId));
        long person = check(t, in, memberId);
        jdbc.sql(
                        "update territory_member set person_id = :p, role = :r, valid_from = :f, valid_until = :u where id = :id")
                .param("p", person)
                .param("r", in.role().name())
                .param("f", in.validFrom())
                .param("u", in.validUntil())
                .param("id", memberId)
                .update();
        memberChanged(
                t,
                Set.copyOf(List.of(person, old.personId())),
                ChangeImpact.earliest(old.validFrom(), in.validFrom()),
                ChangeImpact.latest(old.validUntil(), in.validUntil()),
                "member changed",
                actor);
        return territories.member(memberId).orElseThrow();
    }

    void deleteMember(long territoryId, long memberId, String actor) {
        Territory t = territories.find(territoryId).orElseThrow(() -> new NotFoundException("territory", territoryId));
        TerritoryMember old = territories
                .member(memberId)
                .filter(m -> m.territoryId() == territoryId)
                .orElseThrow(() -> new NotFoundException("member", memberId));
        jdbc.sql("delete from territory_member where id = :id")
                .param("id", memberId)
                .update();
        memberChanged(t, Set.of(old.personId()), old.validFrom(), old.validUntil(), "member removed", actor);
    }

    /**
     * Moves accounts to target territories of one hierarchy from a day on: a named-account rule per target territory
     * from that day, ranked ahead of every rule with conditions, after ending every named-account rule of the
     * hierarchy that names a moved account on or after the day (the rule ends the day before; its other accounts stay
     * named in a copy from the day). Before the day nothing changes.
     */
    List<TerritoryRule> moveAccounts(
            long hierarchyId, Map<Long, List<Long>> accountsByTarget, LocalDate from, String actor) {
        TerritoryChecks checks = new TerritoryChecks();
        if (from == null) {
            checks.required("effectiveFrom", null);
        }
        Set<Long> moved = new java.util.TreeSet<>();
        accountsByTarget.values().forEach(moved::addAll);
        if (moved.isEmpty()) {
            checks.add("moves", "territory.problem.noMoves", "choose at least one move");
        }
        for (Long target : accountsByTarget.keySet()) {
            Territory t = territories.find(target).orElse(null);
            if (t == null || t.hierarchyId() != hierarchyId) {
                checks.add("moves", "territory.problem.unknownTarget", "there is no such territory", target);
            } else if (from != null && !t.inForceOn(from)) {
                checks.add(
                        "effectiveFrom",
                        "territory.problem.targetNotInForce",
                        "territory " + t.code() + " is not in force on " + from,
                        t.code(),
                        from);
            }
        }
        if (!moved.isEmpty()) {
            Integer known = jdbc.sql("select count(*) from sales_account_v where id in (:a)")
                    .param("a", moved)
                    .query(Integer.class)
                    .single();
            if (known != moved.size()) {
                checks.add("moves", "territory.problem.unknownAccount", "there is no such account", "?");
            }
        }
        checks.throwIfAny();
        ChangeImpact.Snapshot before = impact.snapshot(hierarchyId, from, null);
        List<TerritoryRule> rules = territories.allRules(hierarchyId);
        Set<Long> changed = new HashSet<>(accountsByTarget.keySet());
        for (TerritoryRule r : rules) {
            if (r.accountIds().stream().noneMatch(moved::contains)
                    || (r.validUntil() != null && !r.validUntil().isAfter(from))) {
                continue;
            }
            changed.add(r.territoryId());
            List<Long> rest =
                    r.accountIds().stream().filter(a -> !moved.contains(a)).toList();
            if (r.validFrom().isBefore(from)) {
                jdbc.sql("update territory_rule set valid_until = :f where id = :id")
                        .param("f", from)
                        .param("id", r.id())
                        .update();
                if (!rest.isEmpty()) {
                    jdbc.sql("""
                            insert into territory_rule(territory_id, precedence, countries, postal_from, postal_to, industries,
                                                       size_bands, account_ids, valid_from, valid_until)
                            select territory_id, precedence, countries, postal_from, postal_to, industries, size_bands,
                                   cast(:a as bigint[]), :f, :u
                            from territory_rule where id = :id""")
                            .param("a", idArray(rest))
                            .param("f", from)
                            .param("u", r.validUntil())
                            .param("id", r.id())
                            .update();
                }
            } else if (rest.isEmpty()) {
                jdbc.sql("delete from territory_rule where id = :id")
                        .param("id", r.id())
                        .update();
            } else {
                jdbc.sql("update territory_rule set account_ids = cast(:a as bigint[]) where id = :id")
                        .param("a", idArray(rest))
                        .param("id", r.id())
                        .update();
            }
        }
        int precedence =
                rules.stream().filter(r -> r.accountIds().isEmpty()).mapToInt(TerritoryRule::precedence).min().stream()
                        .map(p -> Math.max(0, p - 1))
                        .findFirst()
                        .orElse(10);
        List<Long> ids = new java.util.ArrayList<>();
        accountsByTarget.forEach((target, accounts) -> {
            if (!accounts.isEmpty()) {
                ids.add(jdbc.sql("""
                        insert into territory_rule(territory_id, precedence, account_ids, valid_from)
                        values (:t, :p, cast(:a as bigint[]), :f) returning id""")
                        .param("t", target)
                        .param("p", precedence)
                        .param("a", idArray(accounts))
                        .param("f", from)
                        .query(Long.class)
                        .single());
            }
        });
        afterWrite(
                hierarchyId,
                changed,
                before,
                from,
                null,
                "moves",
                moved.size() + " accounts moved between territories from " + from,
                actor);
        return ids.stream().map(id -> territories.rule(id).orElseThrow()).toList();
    }

    private static String idArray(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    private void check(TerritoryInput in, Territory old) {
        TerritoryChecks checks = new TerritoryChecks();
        checks.required("code", in.code());
        checks.required("name", in.name());
        checks.required("level", in.level());
        checks.dates(in.validFrom(), in.validUntil());
        if (in.hierarchyId() == null || territories.hierarchy(in.hierarchyId()).isEmpty()) {
            checks.add(
                    "hierarchyId",
                    "territory.problem.unknownHierarchy",
                    "there is no such hierarchy",
                    in.hierarchyId());
        }
        if (in.code() != null && !in.code().isBlank()) {
            territories
                    .byCode(in.code().strip())
                    .filter(t -> old == null || t.id() != old.id())
                    .ifPresent(t -> checks.add(
                            "code", "territory.problem.codeTaken", "code " + t.code() + " is already taken", t.code()));
        }
        if (in.level() != null) {
            checkParent(in, old, checks);
        }
        if (old != null && in.level() != null && in.validFrom() != null) {
            checkChildren(old, in, checks);
        }
        checks.throwIfAny();
    }

    private void checkParent(TerritoryInput in, Territory old, TerritoryChecks checks) {
        Level wanted = in.level().parentLevel();
        if (in.parentId() == null) {
            if (wanted != null) {
                checks.add(
                        "parentId",
                        "territory.problem.parentRequired",
                        "a " + words(in.level()) + " needs a parent " + words(wanted),
                        level(in.level()),
                        level(wanted));
            }
            return;
        }
        Territory parent = territories.find(in.parentId()).orElse(null);
        if (parent == null || (old != null && parent.id() == old.id())) {
            checks.add("parentId", "territory.problem.unknownParent", "there is no such parent", in.parentId());
        } else if (wanted == null) {
            checks.add(
                    "parentId",
                    "territory.problem.areaHasParent",
                    "an area is the top of its hierarchy and has no parent");
        } else if (parent.level() != wanted) {
            checks.add(
                    "parentId",
                    "territory.problem.parentLevel",
                    "the parent " + parent.code() + " is a " + words(parent.level()) + "; a " + words(in.level())
                            + "'s parent must be a " + words(wanted),
                    parent.code(),
                    level(parent.level()),
                    level(in.level()),
                    level(wanted));
        } else if (in.hierarchyId() != null && parent.hierarchyId() != in.hierarchyId()) {
            checks.add(
                    "parentId",
                    "territory.problem.parentHierarchy",
                    "the parent " + parent.code() + " belongs to another hierarchy",
                    parent.code());
        } else if (in.validFrom() != null
                && !TerritoryChecks.covers(parent.validFrom(), parent.validUntil(), in.validFrom(), in.validUntil())) {
            checks.add(
                    "validFrom",
                    "territory.problem.parentNotInForce",
                    "the parent " + parent.code() + " is in force only from " + parent.validFrom() + " until "
                            + shown(parent.validUntil()),
                    parent.code(),
                    parent.validFrom(),
                    shown(parent.validUntil()));
        }
    }

    private void checkChildren(Territory old, TerritoryInput in, TerritoryChecks checks) {
        List<Territory> children = territories.all(old.hierarchyId()).stream()
                .filter(c -> Long.valueOf(old.id()).equals(c.parentId()))
                .toList();
        long wrongLevel = children.stream()
                .filter(c -> c.level() != in.level().childLevel())
                .count();
        if (wrongLevel > 0) {
            checks.add(
                    "level",
                    "territory.problem.childrenLevel",
                    wrongLevel + " children are on a level that needs another parent level",
                    wrongLevel);
        }
        long outside = children.stream()
                .filter(c -> !TerritoryChecks.covers(in.validFrom(), in.validUntil(), c.validFrom(), c.validUntil()))
                .count();
        if (outside > 0) {
            checks.add(
                    "validUntil",
                    "territory.problem.childrenOutside",
                    outside + " children are in force outside these dates",
                    outside);
        }
    }

    /** Checks a rule and returns its named accounts' ids. */
    private List<Long> check(RuleInput in) {
        TerritoryChecks checks = new TerritoryChecks();
        if (in.precedence() == null) {
            checks.required("precedence", null);
        } else if (in.precedence() < 0) {
            checks.add("precedence", "territory.problem.precedence", "precedence must be 0 or more", in.precedence());
        }
        checks.dates(in.validFrom(), in.validUntil());
        if (in.countries().isEmpty()
                && in.industries().isEmpty()
                && in.sizeBands().isEmpty()
                && in.accounts().isEmpty()
                && in.postalFrom() == null
                && in.postalTo() == null) {
            checks.add("countries", "territory.problem.emptyRule", "a rule needs at least one condition");
        }
        in.countries().stream()
                .filter(c -> !c.matches("[A-Z]{2}"))
                .forEach(c -> checks.add(
                        "countries", "territory.problem.country", c + " is not an ISO country code such as DE", c));
        in.sizeBands().stream()
                .filter(s -> !SIZE_BANDS.contains(s))
                .forEach(s -> checks.add(
                        "sizeBands",
                        "territory.problem.sizeBand",
                        s + " is not a size band (SMB, MID, ENTERPRISE)",
                        s));
        if (in.postalFrom() != null && in.postalTo() != null && in.postalFrom().compareTo(in.postalTo()) > 0) {
            checks.add(
                    "postalTo",
                    "territory.problem.postalReversed",
                    "postal code range ends at " + in.postalTo() + ", before it starts at " + in.postalFrom(),
                    in.postalTo(),
                    in.postalFrom());
        }
        Map<String, Long> ids = in.accounts().isEmpty()
                ? Map.of()
                : jdbc
                        .sql(
                                "select external_id, min(id) from sales_account_v where external_id in (:x) group by external_id")
                        .param("x", in.accounts())
                        .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
                        .list()
                        .stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        in.accounts().stream()
                .filter(a -> !ids.containsKey(a))
                .forEach(
                        a -> checks.add("accounts", "territory.problem.unknownAccount", "there is no account " + a, a));
        checks.throwIfAny();
        return in.accounts().stream().map(ids::get).toList();
    }

    /** Checks a membership and returns the person's id. */
    private long check(Territory t, MemberInput in, Long memberId) {
        TerritoryChecks checks = new TerritoryChecks();
        checks.required("role", in.role());
        checks.dates(in.validFrom(), in.validUntil());
        Long person = personId(in.person());
        if (person == null) {
            checks.add(
                    "person",
                    "territory.problem.notAPerson",
                    (in.person() == null ? "–" : in.person()) + " is not a person",
                    in.person() == null ? "–" : in.person());
        }
        if (in.validFrom() != null && !checks.any()) {
            if (!TerritoryChecks.covers(t.validFrom(), t.validUntil(), in.validFrom(), in.validUntil())) {
                checks.add(
                        "validFrom",
                        "territory.problem.outsideTerritory",
                        "the territory is in force only from " + t.validFrom() + " until " + shown(t.validUntil()),
                        t.validFrom(),
                        shown(t.validUntil()));
            }
            Integer overlapping = jdbc.sql("""
                    select count(*) from territory_member where territory_id = :t and person_id = :p
                      and (cast(:m as bigint) is null or id <> :m)
                      and daterange(valid_from, valid_until, '[)') && daterange(:f, :u, '[)')""")
                    .param("t", t.id())
                    .param("p", person)
                    .param("m", memberId)
                    .param("f", in.validFrom())
                    .param("u", in.validUntil())
                    .query(Integer.class)
                    .single();
            if (overlapping > 0) {
                checks.add(
                        "validFrom",
                        "territory.problem.memberOverlap",
                        "this person is already a member of the territory then");
            }
        }
        checks.throwIfAny();
        return person;
    }

    private Long personId(String ref) {
        if (ref == null || ref.isBlank()) {
            return null;
        }
        String r = ref.strip();
        return jdbc.sql("""
                select id from org_person_v where cast(id as text) = :r or external_id = :r or lower(email) = lower(:r)
                order by (cast(id as text) = :r) desc, id limit 1""").param("r", r).query(Long.class).optional().orElse(null);
    }

    /** Refuses a write that lets two territories claim an account at one precedence, then says whom it moves. */
    private void afterWrite(
            long hierarchyId,
            Set<Long> changed,
            ChangeImpact.Snapshot before,
            LocalDate from,
            LocalDate until,
            String field,
            String reason,
            String actor) {
        ChangeImpact.Conflict conflict = impact.firstConflict(hierarchyId, from, until);
        if (conflict != null) {
            List<String> codes = conflict.territoryIds().stream()
                    .map(id -> territories.find(id).map(Territory::code).orElse("#" + id))
                    .toList();
            List<String> examples = jdbc.sql(
                            "select external_id from sales_account_v where id in (:a) order by external_id limit 3")
                    .param("a", ChangeImpact.first(conflict.accountIds(), 50))
                    .query(String.class)
                    .list();
            TerritoryChecks checks = new TerritoryChecks();
            checks.add(
                    field,
                    "territory.problem.overlap",
                    "rules of equal precedence " + conflict.precedence() + " of "
                            + codes.get(0) + " and " + codes.get(1) + " both claim "
                            + conflict.accountIds().size() + " accounts on "
                            + conflict.day() + " (" + String.join(", ", examples) + ")",
                    conflict.precedence(),
                    codes.get(0),
                    codes.get(1),
                    conflict.accountIds().size(),
                    conflict.day(),
                    String.join(", ", examples));
            checks.throwIfAny();
        }
        ChangeImpact.Snapshot after = impact.snapshot(hierarchyId, from, until);
        Set<Long> people = impact.people(changed, before, after, from, until);
        events.publishEvent(new TerritoriesChanged(people, from, until, reason, actor));
    }

    private void memberChanged(
            Territory t, Set<Long> persons, LocalDate from, LocalDate until, String what, String actor) {
        ChangeImpact.Snapshot now = impact.snapshot(t.hierarchyId(), from, until);
        Set<Long> people = new HashSet<>(persons);
        people.addAll(impact.people(Set.of(t.id()), now, now, from, until));
        events.publishEvent(new TerritoriesChanged(people, from, until, "territory " + t.code() + ": " + what, actor));
    }

    private static Map<String, Object> ruleParams(RuleInput in, List<Long> accounts) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("p", in.precedence());
        p.put("c", array(in.countries()));
        p.put("pf", in.postalFrom());
        p.put("pt", in.postalTo());
        p.put("i", array(in.industries()));
        p.put("s", array(in.sizeBands()));
        p.put(
                "a",
                accounts.isEmpty()
                        ? null
                        : "{" + accounts.stream().map(String::valueOf).collect(Collectors.joining(",")) + "}");
        p.put("f", in.validFrom());
        p.put("u", in.validUntil());
        return p;
    }

    /** A text array literal, null for no condition; each element quoted. */
    private static String array(List<String> values) {
        return values.isEmpty()
                ? null
                : values.stream()
                        .map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                        .collect(Collectors.joining(",", "{", "}"));
    }

    static List<String> clean(List<String> values, boolean upper) {
        return values == null
                ? List.of()
                : values.stream()
                        .filter(v -> v != null && !v.isBlank())
                        .map(v -> upper ? v.strip().toUpperCase(Locale.ROOT) : v.strip())
                        .distinct()
                        .toList();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String shown(LocalDate d) {
        return d == null ? "open" : d.toString();
    }

    private static String words(Level level) {
        return level.name().toLowerCase(Locale.ROOT);
    }

    /** A level as a message argument the page translates. */
    private static Object level(Level level) {
        return "territory.level." + level.name();
    }
}
