package org.attain.territory;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.attain.access.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes the company's territory crediting policy (one row): checked as a whole (every problem at once,
 * {@link TerritoryRefused}, nothing saved), audited, and announced with {@link TerritoryCreditingChanged} so runs
 * recalculate everyone under the new policy.
 */
@Service
public class TerritoryCreditingPolicies {

    /**
     * A change as given by a page or the API, as text: {@code enabled} and {@code primaryOnce} "true" or "false"
     * ({@code primaryOnce} null keeps true), {@code hierarchy} by code (or id), {@code precedence} a comma list of
     * {@code territory} and {@code owner} (null keeps {@code territory,owner}).
     */
    public record PolicyChange(String enabled, String hierarchy, String precedence, String primaryOnce) {}

    private static final Set<String> SOURCES = Set.of("territory", "owner");

    private final JdbcClient jdbc;
    private final Territories territories;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TerritoryCreditingPolicies(
            JdbcClient jdbc, Territories territories, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.territories = territories;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The policy in force (off until a planner turns it on). */
    public TerritoryCreditingPolicy current() {
        return jdbc.sql("""
                select p.enabled, p.hierarchy_id, h.code, array_to_string(p.precedence, ','), p.primary_once,
                       p.changed_at, p.changed_by
                from territory_crediting_policy p left join territory_hierarchy h on h.id = p.hierarchy_id
                where p.id = 1""")
                .query((rs, n) -> {
                    long h = rs.getLong(2);
                    Long hierarchyId = rs.wasNull() ? null : h;
                    Timestamp at = rs.getTimestamp(6);
                    return new TerritoryCreditingPolicy(
                            rs.getBoolean(1),
                            hierarchyId,
                            rs.getString(3),
                            List.of(rs.getString(4).toLowerCase(Locale.ROOT).split(",")),
                            rs.getBoolean(5),
                            at == null ? null : at.toInstant(),
                            rs.getString(7));
                })
                .optional()
                .orElse(new TerritoryCreditingPolicy(
                        false, null, null, List.of("territory", "owner"), true, null, null));
    }

    /** Checks and saves a change; the same policy again changes nothing and recalculates nobody. */
    @Transactional
    public TerritoryCreditingPolicy change(PolicyChange in, String actor) {
        TerritoryChecks checks = new TerritoryChecks();
        Boolean enabled = bool(checks, "enabled", in.enabled(), null);
        Boolean primaryOnce = bool(checks, "primaryOnce", in.primaryOnce(), Boolean.TRUE);
        List<String> precedence = precedence(checks, in.precedence());
        Hierarchy hierarchy = null;
        String given = TerritoryWrites.blankToNull(in.hierarchy());
        if (given != null) {
            hierarchy = hierarchy(given).orElse(null);
            if (hierarchy == null) {
                checks.add(
                        "hierarchy",
                        "territory.policy.problem.hierarchy",
                        "no territory hierarchy " + given.strip(),
                        given.strip());
            }
        } else if (Boolean.TRUE.equals(enabled) && precedence != null && precedence.contains("territory")) {
            checks.add(
                    "hierarchy",
                    "territory.policy.problem.hierarchyRequired",
                    "is required when territories credit: the hierarchy whose territories credit");
        }
        checks.throwIfAny();
        TerritoryCreditingPolicy before = current();
        TerritoryCreditingPolicy after = new TerritoryCreditingPolicy(
                enabled,
                hierarchy == null ? null : hierarchy.id(),
                hierarchy == null ? null : hierarchy.code(),
                precedence,
                primaryOnce,
                clock.instant(),
                actor);
        if (same(before, after)) {
            return before;
        }
        jdbc.sql("""
                update territory_crediting_policy
                set enabled = :e, hierarchy_id = :h, precedence = cast(:p as text[]), primary_once = :o,
                    changed_at = :at, changed_by = :by
                where id = 1""")
                .param("e", after.enabled())
                .param("h", after.hierarchyId())
                .param(
                        "p",
                        after.precedence().stream()
                                .map(s -> s.toUpperCase(Locale.ROOT))
                                .toArray(String[]::new))
                .param("o", after.primaryOnce())
                .param("at", Timestamp.from(after.changedAt()))
                .param("by", actor)
                .update();
        audit.record(
                actor,
                "TERRITORY_CREDITING_POLICY_CHANGED",
                "territory_crediting_policy",
                "1",
                describe(before),
                describe(after));
        Set<Long> everyone = new HashSet<>(
                jdbc.sql("select id from org_person_v").query(Long.class).list());
        events.publishEvent(new TerritoryCreditingChanged(
                everyone,
                after.enabled()
                        ? "territory crediting " + after.precedenceText() + " on " + after.hierarchyCode()
                        : "territory crediting off",
                actor));
        return current();
    }

    private Optional<Hierarchy> hierarchy(String given) {
        String code = given.strip();
        Optional<Hierarchy> byCode = territories.hierarchyByCode(code);
        if (byCode.isPresent() || !code.chars().allMatch(Character::isDigit) || code.length() > 18) {
            return byCode;
        }
        return territories.hierarchy(Long.parseLong(code));
    }

    private static boolean same(TerritoryCreditingPolicy a, TerritoryCreditingPolicy b) {
        return a.enabled() == b.enabled()
                && java.util.Objects.equals(a.hierarchyId(), b.hierarchyId())
                && a.precedence().equals(b.precedence())
                && a.primaryOnce() == b.primaryOnce();
    }

    private static Map<String, Object> describe(TerritoryCreditingPolicy p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", p.enabled());
        m.put("hierarchy", p.hierarchyCode());
        m.put("precedence", p.precedence());
        m.put("primaryOnce", p.primaryOnce());
        return m;
    }

    private static Boolean bool(TerritoryChecks checks, String field, String text, Boolean absent) {
        String t = TerritoryWrites.blankToNull(text);
        if (t == null) {
            if (absent == null) {
                checks.required(field, null);
            }
            return absent;
        }
        return switch (t.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                checks.add(
                        field,
                        "territory.policy.problem.boolean",
                        "'" + t.strip() + "' is not true or false",
                        t.strip());
                yield null;
            }
        };
    }

    private static List<String> precedence(TerritoryChecks checks, String text) {
        String t = TerritoryWrites.blankToNull(text);
        if (t == null) {
            return List.of("territory", "owner");
        }
        List<String> out = new ArrayList<>();
        boolean ok = true;
        for (String part : t.split(",")) {
            String s = part.strip().toLowerCase(Locale.ROOT);
            if (!SOURCES.contains(s)) {
                checks.add(
                        "precedence",
                        "territory.policy.problem.source",
                        "'" + part.strip() + "' is not a source of credit (territory, owner)",
                        part.strip());
                ok = false;
            } else if (out.contains(s)) {
                checks.add("precedence", "territory.policy.problem.twice", "names " + s + " twice", s);
                ok = false;
            } else {
                out.add(s);
            }
        }
        return ok ? out : null;
    }
}
