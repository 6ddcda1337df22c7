package org.attain.access.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.attain.access.AuditLog;
import org.attain.platform.BusinessWords;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Audit entries as sentences with a diff, in the reader's language: "Anna Schmidt changed the 2026-Q4
 * quota of Lauren Phillips from 120,000.00 to 130,000.00". Names come from the users' people and the
 * published views of org and plan ({@code org_person_v}, {@code org_team_v}, {@code plan_version_v});
 * the entry's JSON stays as it was stored (the page shows it folded, the API returns it).
 */
@Component("auditWords")
public class AuditWords {

    private static final String PREFIX = "words.audit.";

    /** One field that changed, its values as shown. */
    public record Change(String field, String before, String after) {}

    /** An entry said in words, and what changed field by field. */
    public record Sentence(String text, List<Change> changes) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final MessageSource messages;
    private final BusinessWords words;

    AuditWords(JdbcClient jdbc, JsonMapper json, MessageSource messages, BusinessWords words) {
        this.jdbc = jdbc;
        this.json = json;
        this.messages = messages;
        this.words = words;
    }

    /** The sentences of these entries by entry id, with names looked up once for all of them. */
    public Map<Long, Sentence> of(List<AuditLog.Entry> entries) {
        return of(entries, LocaleContextHolder.getLocale());
    }

    public Map<Long, Sentence> of(List<AuditLog.Entry> entries, Locale locale) {
        Names names = names(entries);
        Map<Long, Sentence> out = new LinkedHashMap<>();
        for (AuditLog.Entry e : entries) {
            out.put(e.id(), sentence(e, names, locale));
        }
        return out;
    }

    Sentence sentence(AuditLog.Entry e, Names names, Locale locale) {
        String actor = e.actor() == null
                ? msg("system", locale)
                : names.users.getOrDefault(
                        e.actor(), messages.getMessage(PREFIX + "actor." + e.actor(), null, e.actor(), locale));
        String thing = thing(e, names, locale);
        List<Change> changes = changes(read(e.before()), read(e.after()), locale);
        String action = e.action() == null ? "" : e.action();
        if (e.before() != null
                && changes.size() == 1
                && !changes.get(0).before().isEmpty()) {
            Change c = changes.get(0);
            return new Sentence(
                    messages.getMessage(
                            PREFIX + "changedFromTo", new Object[] {actor, thing, c.before(), c.after()}, locale),
                    changes);
        }
        String text = messages.getMessage(PREFIX + "action." + action, new Object[] {actor, thing}, null, locale);
        if (text == null) {
            text = messages.getMessage(PREFIX + "other", new Object[] {actor, thing, action}, locale);
        }
        return new Sentence(text, changes);
    }

    /** An action code in words ("QUOTA_SET": "Quota set"); a code without words made readable ("Quota set"). */
    public String action(String code) {
        return action(code, LocaleContextHolder.getLocale());
    }

    public String action(String code, Locale locale) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String words = code.replace('_', ' ').replace('.', ' ').strip().toLowerCase(Locale.ROOT);
        String readable = words.isEmpty() ? code : Character.toUpperCase(words.charAt(0)) + words.substring(1);
        return messages.getMessage(PREFIX + "what." + code.strip(), null, readable, locale);
    }

    /** The entry's detail in the reader's language where it has a known shape ("from 127.0.0.1"), else as stored. */
    public String detail(String detail) {
        if (detail == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        if (detail.matches("from [0-9a-fA-F.:]+")) {
            return messages.getMessage(PREFIX + "detail.from", new Object[] {detail.substring(5)}, detail, locale);
        }
        return detail;
    }

    /** What the entry is about, named: "the 2026-Q4 quota of Lauren Phillips", "plan Account executives". */
    private String thing(AuditLog.Entry e, Names names, Locale locale) {
        String type = e.entityType() == null ? "" : e.entityType();
        String id = e.entityId() == null ? "" : e.entityId();
        String[] parts = id.split("/", 2);
        String period = parts.length > 1 ? parts[1] : "";
        switch (type) {
            case "quota", "target_incentive" -> {
                String person = names.people.getOrDefault(parts[0], parts[0]);
                return messages.getMessage(PREFIX + "thing." + type, new Object[] {period, person}, locale);
            }
            case "team_quota" -> {
                String team = names.teams.getOrDefault(parts[0], parts[0]);
                return messages.getMessage(PREFIX + "thing.team_quota", new Object[] {period, team}, locale);
            }
            case "person" -> {
                return names.people.getOrDefault(id, id);
            }
            case "plan" -> {
                return messages.getMessage(PREFIX + "thing.plan", new Object[] {words.plan(parts[0])}, locale);
            }
            default -> {
                String typeWords = messages.getMessage(
                        PREFIX + "entity." + type, null, type.replace('_', ' ').replace('.', ' '), locale);
                return id.isEmpty() ? typeWords : typeWords + " " + id;
            }
        }
    }

    private List<Change> changes(JsonNode before, JsonNode after, Locale locale) {
        List<Change> out = new ArrayList<>();
        Set<String> fields = new LinkedHashSet<>();
        if (before != null && before.isObject()) {
            fields.addAll(before.propertyNames());
        }
        if (after != null && after.isObject()) {
            fields.addAll(after.propertyNames());
        }
        for (String f : fields) {
            boolean money = MONEY_FIELDS.contains(f);
            String b = before == null ? "" : value(before.get(f), money, locale);
            String a = after == null ? "" : value(after.get(f), money, locale);
            if (!b.equals(a)) {
                out.add(new Change(
                        messages.getMessage(PREFIX + "field." + f, null, f.replace('_', ' '), locale), b, a));
            }
        }
        if (out.isEmpty() && after != null && !after.isObject() && !after.isNull()) {
            out.add(new Change("", value(before, false, locale), value(after, false, locale)));
        }
        return out;
    }

    /** Fields that hold an amount: shown to the cent even when stored without decimals. */
    private static final Set<String> MONEY_FIELDS = Set.of("amount", "target", "base", "quota", "budget");

    private String value(JsonNode v, boolean money, Locale locale) {
        if (v == null || v.isNull()) {
            return "";
        }
        if (money && v.asString("").matches("-?[0-9]+(\\.[0-9]+)?")) {
            return words.number(new BigDecimal(v.asString()), locale);
        }
        if (v.isIntegralNumber()) {
            return v.asString();
        }
        if (v.isNumber() || v.isString() && v.asString().matches("-?[0-9]+\\.[0-9]+")) {
            return words.number(new BigDecimal(v.asString()), locale);
        }
        if (v.isBoolean()) {
            return msg(v.asBoolean() ? "yes" : "no", locale);
        }
        if (v.isValueNode()) {
            return v.asString();
        }
        return json.writeValueAsString(v);
    }

    private JsonNode read(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(PREFIX + key, null, locale);
    }

    /** Names of the users, people and teams the entries mention, looked up once. */
    record Names(Map<String, String> users, Map<String, String> people, Map<String, String> teams) {}

    private Names names(List<AuditLog.Entry> entries) {
        Set<String> users = new LinkedHashSet<>();
        Set<Long> people = new LinkedHashSet<>();
        Set<Long> teams = new LinkedHashSet<>();
        for (AuditLog.Entry e : entries) {
            if (e.actor() != null) {
                users.add(e.actor());
            }
            String type = e.entityType() == null ? "" : e.entityType();
            String first = e.entityId() == null ? "" : e.entityId().split("/", 2)[0];
            if (!first.matches("[0-9]{1,18}")) {
                continue;
            }
            if (type.equals("quota") || type.equals("target_incentive") || type.equals("person")) {
                people.add(Long.parseLong(first));
            } else if (type.equals("team_quota")) {
                teams.add(Long.parseLong(first));
            }
        }
        Map<String, String> userNames = new HashMap<>();
        if (!users.isEmpty()) {
            jdbc.sql("""
                    select u.username, p.first_name || ' ' || p.last_name as name
                    from app_user u join org_person_v p on p.id = u.person_id
                    where u.username in (:users)""")
                    .param("users", users)
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .list()
                    .forEach(m -> userNames.put(m.getKey(), m.getValue()));
        }
        Map<String, String> personNames = new HashMap<>();
        if (!people.isEmpty()) {
            jdbc.sql("select id, first_name || ' ' || last_name from org_person_v where id in (:ids)")
                    .param("ids", people)
                    .query((rs, n) -> Map.entry(String.valueOf(rs.getLong(1)), rs.getString(2)))
                    .list()
                    .forEach(m -> personNames.put(m.getKey(), m.getValue()));
        }
        Map<String, String> teamNames = new HashMap<>();
        if (!teams.isEmpty()) {
            jdbc.sql("select id, name from org_team_v where id in (:ids)")
                    .param("ids", teams)
                    .query((rs, n) -> Map.entry(String.valueOf(rs.getLong(1)), rs.getString(2)))
                    .list()
                    .forEach(m -> teamNames.put(m.getKey(), m.getValue()));
        }
        return new Names(userNames, personNames, teamNames);
    }
}
