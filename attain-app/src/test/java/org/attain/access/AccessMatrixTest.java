package org.attain.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.attain.access.MatrixCaller.Answer;
import org.attain.access.MatrixRules.Rule;
import org.attain.support.AttainIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every HTTP endpoint of the running application, read from its request mappings, called by every role
 * (anonymous, rep, manager, finance, compadmin, admin, a read and a write API token; on /scim/v2 also a token
 * of scope {@code scim}) about every kind of person (own, a member of the manager's subtree, someone outside
 * it) and compared with the declared rule table {@code access-matrix.tsv}. A mapping without a rule, or a rule
 * without a mapping, fails {@link #everyMappingHasADeclaredRule()} with its method and path (cheap: no calls).
 * Safe methods are called by everyone; unsafe ones (with an empty body, a valid CSRF token or the token) only
 * by the callers that must be refused, and the database is the same afterwards. A refusal is 401/403 (404 for
 * data the caller may not know exists, the login page for a page); a 500 is always a failure. A refused caller's
 * 400/415 to the empty body (validated before the role check) writes nothing but shows no refusal: it is listed
 * as "refused as malformed", not failed. Required query parameters and form fields get sample values
 * ({@link MatrixParams}); when the admin gets 404 the sample names nothing and only refusals count. A rep's or
 * manager's answer that names someone they may not see (their e-mail address or employee id) is a leak.
 * Every call and its answer is written to {@code target/access-matrix-calls.tsv}, the figures to
 * {@code target/access-matrix.md}.
 *
 * <p>Runs in every build: about 160 s after the shared application has started, on a busy 2-core machine.
 * {@code -Dattain.access.observe=true} also calls unsafe endpoints as the roles allowed to, and writes the
 * table it saw to {@code target/access-matrix-observed.tsv}: run it alone (it changes the data), read the
 * differences, never copy it unread.
 */
class AccessMatrixTest extends AttainIntegrationTest {

    private static final boolean OBSERVE = Boolean.getBoolean("attain.access.observe");
    private static final Set<String> SAFE = Set.of("GET", "HEAD");
    /** A token with only the SCIM scope: tried on /scim/v2 alone (elsewhere it is a token without read or write). */
    private static final String SCIM_TOKEN = "token-scim";
    /**
     * Tables a refused call writes by design: the audit of the refusal, the token's last use; and the scheduled jobs'
     * locks, which the jobs (not the calls) take every few seconds on their own.
     */
    private static final Set<String> WRITTEN_BY_REFUSALS =
            Set.of("audit_log", "api_token", "flyway_schema_history", "platform_job_lock");

    enum Outcome {
        OK,
        /** 400, 405, 415 or 422: the request itself was refused as malformed. */
        INVALID,
        LOGIN,
        REFUSED,
        HIDDEN,
        ERROR
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    UserAccounts users;

    private long repId;
    private long managerId;
    private long teammateId;
    private long outsiderId;
    private long teamId;
    /** Per path pattern, its handler's required query parameters with sample values. */
    private final Map<String, String> queries = new TreeMap<>();

    private final MatrixReport report = new MatrixReport();

    record Endpoint(String method, String pattern, boolean stream) {
        String key() {
            return method + " " + pattern;
        }

        boolean api() {
            return pattern.startsWith("/api/") || pattern.startsWith("/actuator") || scim();
        }

        boolean scim() {
            return pattern.startsWith("/scim/");
        }
    }

    @Test
    void everyMappingHasADeclaredRule() {
        List<Endpoint> endpoints = endpoints();
        MatrixRules rules = MatrixRules.load();
        assertThat(undeclared(endpoints, rules))
                .as("mappings without a rule in access-matrix.tsv")
                .isEmpty();
        assertThat(stale(endpoints, rules))
                .as("rules in access-matrix.tsv for no mapping")
                .isEmpty();
    }

    private static List<String> undeclared(List<Endpoint> endpoints, MatrixRules rules) {
        return endpoints.stream()
                .filter(e -> rules.find(e.method(), e.pattern()) == null)
                .map(Endpoint::key)
                .toList();
    }

    private static Set<String> stale(List<Endpoint> endpoints, MatrixRules rules) {
        Set<String> stale = new TreeSet<>(rules.declared());
        endpoints.forEach(e -> stale.remove(e.key()));
        return stale;
    }

    @Test
    void everyEndpointAnswersEveryRoleAsDeclared() throws IOException {
        findPeople();
        List<Endpoint> endpoints = endpoints();
        MatrixRules rules = MatrixRules.load();
        List<String> undeclared = undeclared(endpoints, rules);
        Set<String> stale = stale(endpoints, rules);
        MatrixSamples samples = new MatrixSamples(jdbc, TODAY);
        AttainUser admin = users.loadUserByUsername("admin");
        var read = tokens.create(admin, "access-matrix read", Set.of("read"));
        var write = tokens.create(admin, "access-matrix write", Set.of("read", "write"));
        var scim = tokens.create(admin, "access-matrix scim", Set.of(ApiTokens.SCIM_SCOPE));
        List<MatrixCaller> callers = new ArrayList<>();
        callers.add(MatrixCaller.anonymous(baseUrl()));
        callers.add(MatrixCaller.token("token-read", baseUrl(), read.secret()));
        for (String role : MatrixRules.ROLES) {
            callers.add(MatrixCaller.login(baseUrl(), role));
        }
        callers.add(MatrixCaller.token("token-write", baseUrl(), write.secret()));
        callers.add(MatrixCaller.token(SCIM_TOKEN, baseUrl(), scim.secret()));
        Map<Long, List<String>> markers = markers();

        for (Endpoint e : endpoints) {
            if (SAFE.contains(e.method())) {
                safe(e, rules.find(e.method(), e.pattern()), callers, samples, markers);
            }
        }
        String before = OBSERVE ? "" : fingerprint();
        for (Endpoint e : endpoints) {
            if (!SAFE.contains(e.method())) {
                unsafe(e, rules.find(e.method(), e.pattern()), callers, samples);
            }
        }
        String after = OBSERVE ? "" : fingerprint();
        tokens.revoke(admin, read.id());
        tokens.revoke(admin, write.id());
        tokens.revoke(admin, scim.id());

        String summary = report.summary(
                endpoints.size(),
                endpoints.stream().filter(e -> SAFE.contains(e.method())).count(),
                callers.stream().map(c -> c.name).toList(),
                undeclared,
                stale,
                OBSERVE);
        System.out.println(summary);
        report.write(summary, endpoints.stream().map(Endpoint::key).toList(), OBSERVE);
        assertThat(report.leaks)
                .as("answers naming someone the caller may not see")
                .isEmpty();
        assertThat(report.failures).as("answers other than declared").isEmpty();
        assertThat(after).as("data changed by refused calls").isEqualTo(before);
    }

    private void safe(
            Endpoint e, Rule rule, List<MatrixCaller> callers, MatrixSamples samples, Map<Long, List<String>> markers) {
        boolean person = MatrixSamples.personScoped(e.pattern());
        List<Long> subjects = person ? List.of(repId, teammateId, managerId, outsiderId) : List.of(repId);
        for (long subject : subjects) {
            String path = samples.path(e.pattern(), subject);
            if (path == null) {
                report.noSample.add(e.key() + (person ? " (person " + whoseOf("admin", subject) + ")" : ""));
                continue;
            }
            path += query(e, subject);
            Map<MatrixCaller, Answer> answers = new LinkedHashMap<>();
            for (MatrixCaller c : callers) {
                if (!c.name.equals(SCIM_TOKEN) || e.scim()) {
                    answers.put(c, c.get(path, e.stream()));
                }
            }
            // The admin sees everyone and everything: their 404 means the sample names nothing (no such line or
            // job for this person), so nobody can be shown to be let in; refusals are still checked.
            boolean missing = answers.entrySet().stream()
                    .anyMatch(
                            a -> a.getKey().name.equals("admin") && a.getValue().status() == 404);
            if (missing && rule != null && rule.allows("admin") && !rule.anonymous()) {
                report.noSample.add(
                        e.key() + " " + path + (person ? " (person " + whoseOf("admin", subject) + ")" : ""));
            }
            for (var entry : answers.entrySet()) {
                MatrixCaller c = entry.getKey();
                Answer a = entry.getValue();
                Outcome got = classify(a);
                report.count(got.name());
                String whoseText = person ? whoseOf(c.name, subject) : "-";
                if (person) {
                    report.whose(whoseText);
                }
                Outcome expected = rule == null ? null : expected(e, rule, c, subject, person);
                log(e.method(), path, c, whoseText, a, expected);
                if ((got == Outcome.OK || got == Outcome.INVALID)
                        && (c.name.equals("anonymous") || (!c.usesToken() && MatrixRules.ROLES.contains(c.name)))
                        && (!person || visible(c.name, subject))) {
                    report.saw(e.key(), c.name);
                }
                if (expected != null
                        && !(missing && expected == Outcome.OK && got == Outcome.HIDDEN)
                        && !matches(expected, got, e)) {
                    report.failures.add(e.method() + " " + path + " as " + c.name + " (" + whoseText + "): expected "
                            + expected + ", got " + a.status() + " " + a.location());
                }
                if (rule != null && expected == null && got == Outcome.ERROR) {
                    report.failures.add(
                            e.method() + " " + path + " as " + c.name + ": expected no error, got " + a.status());
                }
                if (got == Outcome.OK && (c.name.equals("rep") || c.name.equals("manager"))) {
                    leakCheck(c.name, path, a.body(), markers);
                }
            }
        }
    }

    private void unsafe(Endpoint e, Rule rule, List<MatrixCaller> callers, MatrixSamples samples) {
        boolean person = MatrixSamples.personScoped(e.pattern());
        String path = samples.path(e.pattern(), outsiderId);
        if (path == null) {
            path = e.pattern().replaceAll("\\{[^}]+}", "0");
        }
        // Required form fields as query parameters: the call binds and meets the handler's own access check.
        path += query(e, outsiderId);
        for (MatrixCaller c : callers) {
            if (c.name.equals(SCIM_TOKEN) && !e.scim()) {
                continue;
            }
            Outcome expected = rule == null ? null : expected(e, rule, c, outsiderId, person);
            if (!OBSERVE && (rule == null || expected == Outcome.OK)) {
                continue;
            }
            Answer a = c.unsafe(e.method(), path);
            Outcome got = classify(a);
            report.count(got.name());
            log(e.method(), path, c, person ? whoseOf(c.name, outsiderId) : "-", a, expected);
            if ((got == Outcome.OK || got == Outcome.INVALID)
                    && (c.name.equals("anonymous") || MatrixRules.ROLES.contains(c.name))) {
                report.saw(e.key(), c.name);
            }
            if (rule != null && !OBSERVE && expected == Outcome.REFUSED && got == Outcome.INVALID) {
                // An empty body refused as invalid before the handler's own role check: nothing was written
                // (the data fingerprint shows it), but the refusal of this role is not shown either.
                report.unproven.add(e.method() + " " + path + " as " + c.name + ": " + a.status());
            } else if (rule != null && !OBSERVE && !matches(expected, got, e)) {
                report.failures.add(e.method() + " " + path + " as " + c.name + ": expected " + expected + ", got "
                        + a.status() + " " + a.location());
            }
        }
    }

    private String query(Endpoint e, long subject) {
        return queries.getOrDefault(e.key(), "")
                .replace(MatrixParams.SUBJECT, Long.toString(subject))
                .replace(MatrixParams.TEAM, Long.toString(teamId));
    }

    private void log(String method, String path, MatrixCaller c, String whose, Answer a, Outcome expected) {
        report.log(method, path, c.name, whose, a.status(), a.location(), expected);
    }

    private Outcome expected(Endpoint e, Rule rule, MatrixCaller c, long subject, boolean person) {
        if (e.pattern().equals("/error")) {
            // Asked for directly, with no error forwarded to it, the error page is a page that does not exist.
            return Outcome.HIDDEN;
        }
        if (rule.anonymous()) {
            return Outcome.OK;
        }
        if (rule.secret()) {
            return Outcome.REFUSED;
        }
        if (rule.scim() || e.scim()) {
            // SCIM: only a token of scope scim (owned by an admin); sessions, read and write tokens are refused.
            return rule.scim() && c.name.equals(SCIM_TOKEN) ? Outcome.OK : Outcome.REFUSED;
        }
        if (c.name.equals("anonymous")) {
            return e.api() ? Outcome.REFUSED : Outcome.LOGIN;
        }
        String role = c.name;
        if (c.usesToken()) {
            if (!e.api()) {
                return SAFE.contains(e.method()) ? Outcome.LOGIN : Outcome.REFUSED;
            }
            if (c.name.equals("token-read") && !SAFE.contains(e.method())) {
                return Outcome.REFUSED;
            }
            role = "admin";
        }
        boolean allowed = rule.allows(role) && (!person || visible(role, subject));
        if (!allowed && rule.participants() && SAFE.contains(e.method())) {
            return null; // let in where they take part, refused elsewhere: not decidable here (errors and leaks are)
        }
        return allowed ? Outcome.OK : Outcome.REFUSED;
    }

    private static boolean matches(Outcome expected, Outcome got, Endpoint e) {
        if (got == Outcome.ERROR) {
            return false;
        }
        if (expected == Outcome.REFUSED) {
            // Not allowed: 401/403, or 404 for data the caller may not know exists.
            return got == Outcome.REFUSED || got == Outcome.HIDDEN || (!e.api() && got == Outcome.LOGIN);
        }
        if (expected == Outcome.LOGIN || expected == Outcome.HIDDEN) {
            return got == expected;
        }
        // Let in: answered, or let in and told the (sample) input is wrong.
        return got == Outcome.OK || got == Outcome.INVALID;
    }

    private static Outcome classify(Answer a) {
        int s = a.status();
        if (s >= 500) {
            return Outcome.ERROR;
        }
        if (s == 302 && a.location().contains("/login")) {
            return Outcome.LOGIN;
        }
        if (s == 401 || s == 403) {
            return Outcome.REFUSED;
        }
        if (s == 400 || s == 405 || s == 415 || s == 422) {
            return Outcome.INVALID;
        }
        return s == 404 ? Outcome.HIDDEN : Outcome.OK;
    }

    private boolean visible(String role, long subject) {
        return switch (role) {
            case "rep" -> subject == repId;
            case "manager" -> subject == managerId || subject == repId || subject == teammateId;
            default -> true;
        };
    }

    private String whoseOf(String caller, long subject) {
        String role = caller.startsWith("token") ? "admin" : caller;
        if ((role.equals("rep") && subject == repId) || (role.equals("manager") && subject == managerId)) {
            return "own";
        }
        if (role.equals("manager") && (subject == repId || subject == teammateId)) {
            return "subtree";
        }
        return subject == outsiderId ? "outside" : "subtree";
    }

    /** Per person the caller may not see, texts only that person's data carries. */
    private void leakCheck(String caller, String path, String body, Map<Long, List<String>> markers) {
        for (var m : markers.entrySet()) {
            if (visible(caller, m.getKey())) {
                continue;
            }
            if (caller.equals("rep") && m.getKey() == managerId && path.contains("/reporting-lines")) {
                // The rep's own reporting line names their manager: who one reports to is not the manager's data.
                continue;
            }
            for (String marker : m.getValue()) {
                if (Pattern.compile("(?<![\\w.@-])" + Pattern.quote(marker) + "(?![\\w@-])")
                        .matcher(body)
                        .find()) {
                    report.leaks.add("GET " + path + " as " + caller + " names " + marker);
                }
            }
        }
    }

    private Map<Long, List<String>> markers() {
        Map<Long, List<String>> out = new LinkedHashMap<>();
        for (long id : List.of(teammateId, managerId, outsiderId)) {
            out.put(
                    id,
                    jdbc.sql("select email, external_id from person where id = :id")
                            .param("id", id)
                            .query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
                            .single());
        }
        return out;
    }

    private List<Endpoint> endpoints() {
        Set<Endpoint> out = new LinkedHashSet<>();
        for (RequestMappingInfoHandlerMapping mapping :
                context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (var handler : mapping.getHandlerMethods().entrySet()) {
                RequestMappingInfo info = handler.getKey();
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                boolean stream = info.getProducesCondition().getProducibleMediaTypes().stream()
                        .anyMatch(MediaType.TEXT_EVENT_STREAM::includes);
                for (String pattern : info.getPatternValues()) {
                    String query = MatrixParams.query(handler.getValue(), TODAY);
                    if (methods.isEmpty()) {
                        queries.putIfAbsent("GET " + pattern, query);
                        out.add(new Endpoint("GET", pattern, stream));
                    }
                    for (RequestMethod m : methods) {
                        queries.putIfAbsent(m.name() + " " + pattern, query);
                        out.add(new Endpoint(m.name(), pattern, stream));
                    }
                }
            }
        }
        return out.stream()
                .sorted((a, b) -> (a.pattern() + " " + a.method()).compareTo(b.pattern() + " " + b.method()))
                .toList();
    }

    /** Per table of the database: rows and a sum of their hashes. */
    private String fingerprint() {
        StringBuilder out = new StringBuilder();
        List<String> tables = jdbc.sql("select tablename from pg_tables where schemaname = 'public' order by 1")
                .query(String.class)
                .list();
        for (String t : tables) {
            if (WRITTEN_BY_REFUSALS.contains(t)) {
                continue;
            }
            out.append(t)
                    .append('=')
                    .append(jdbc.sql("select count(*) || ':' || coalesce(sum(hashtext(x::text)::bigint), 0) from " + t
                                    + " x")
                            .query(String.class)
                            .single())
                    .append('\n');
        }
        return out.toString();
    }

    private void findPeople() {
        repId = personOf("rep");
        managerId = personOf("manager");
        teammateId = jdbc.sql("""
                select person_id from reporting_line where manager_id = :m and person_id <> :r
                  and valid_from <= cast(:today as date) and (valid_until is null or valid_until > cast(:today as date))
                order by person_id limit 1""")
                .param("m", managerId)
                .param("r", repId)
                .param("today", TODAY)
                .query(Long.class)
                .single();
        teamId = jdbc.sql("select coalesce(team_id, 0) from person where id = :id")
                .param("id", repId)
                .query(Long.class)
                .single();
        outsiderId = jdbc.sql("""
                select p.id from person p where p.id not in (
                  with recursive sub(id) as (select cast(:m as bigint) union
                    select rl.person_id from reporting_line rl join sub on rl.manager_id = sub.id
                    where rl.valid_from <= cast(:today as date) and (rl.valid_until is null or rl.valid_until > cast(:today as date)))
                  select id from sub) and p.role_type = 'REP'
                  and exists (select 1 from payee_period_result r where r.person_id = p.id and r.is_current)
                order by p.id limit 1""")
                .param("m", managerId)
                .param("today", TODAY)
                .query(Long.class)
                .single();
    }

    private long personOf(String username) {
        return jdbc.sql("select person_id from app_user where username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }
}
