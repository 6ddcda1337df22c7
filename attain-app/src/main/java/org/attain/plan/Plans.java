package org.attain.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attain.access.AuditLog;
import org.attain.engine.plan.CompiledPlan;
import org.attain.engine.plan.PlanCompilation;
import org.attain.engine.plan.PlanCompiler;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.attain.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plan documents and their versions. Publishing compiles the YAML first: a plan with errors is
 * refused with file, line, column and reason, and an old version is never changed. Authors' compiles
 * check every condition against the data dictionary ({@link PlanDictionary}); a run compiles published
 * versions without that check, so data that changed later never stops pay.
 */
@Service
public class Plans {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final PlanDictionary dictionary;
    private final NeverTrue neverTrue;
    private final PlanCompiler compiler = new PlanCompiler();

    Plans(JdbcClient jdbc, AuditLog audit, PlanDictionary dictionary, NeverTrue neverTrue) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.dictionary = dictionary;
        this.neverTrue = neverTrue;
    }

    public record PlanVersion(
            long id,
            String planKey,
            int version,
            String name,
            String source,
            String currency,
            String createdBy,
            java.time.Instant createdAt) {}

    /**
     * A problem (or a warning) at a line and column. {@code reason} is English; {@code code} (nullable)
     * names the message pages show in the user's language, with {@code args}.
     */
    public record Problem(String source, int line, int column, String reason, String code, List<String> args) {

        public Problem {
            args = args == null ? List.of() : List.copyOf(args);
        }

        public Problem(String source, int line, int column, String reason) {
            this(source, line, column, reason, null, List.of());
        }

        public Problem withReason(String text) {
            return new Problem(source, line, column, text, code, args);
        }
    }

    /**
     * What an author learns before publishing: the errors that stop it, or the plan's key and the
     * warnings (conditions no current deal meets), with how many current deals there are.
     */
    public record PlanCheck(List<Problem> errors, List<Problem> warnings, String planKey) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** Compiles without storing and checks the conditions against the current data. */
    public PlanCheck check(String yaml) {
        PlanCompilation compilation = dictionary.compiler().compile("plan.yaml", yaml);
        if (!compilation.ok()) {
            return new PlanCheck(problems(compilation), List.of(), null);
        }
        CompiledPlan plan = compilation.orThrow();
        return new PlanCheck(List.of(), neverTrue.check(plan), plan.id());
    }

    /** Compiles without storing: the errors only (empty when the plan may be published). */
    public List<Problem> validate(String sourceName, String yaml) {
        return problems(dictionary.compiler().compile(sourceName, yaml));
    }

    @Transactional
    public PlanVersion publish(String yaml, String actor) {
        PlanCompilation compilation = dictionary.compiler().compile("plan.yaml", yaml);
        if (!compilation.ok()) {
            throw new PlanRejectedException(problems(compilation));
        }
        CompiledPlan plan = compilation.orThrow();
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:k))")
                .param("k", plan.id())
                .query()
                .singleRow();
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from plan_version where plan_key = :k")
                .param("k", plan.id())
                .query(Integer.class)
                .single();
        long id = jdbc.sql("""
                insert into plan_version(plan_key, version, name, source, currency, created_by)
                values (:k, :v, :n, :s, :c, :by) returning id""")
                .param("k", plan.id())
                .param("v", version)
                .param("n", plan.name())
                .param("s", yaml)
                .param("c", plan.currency().code())
                .param("by", actor)
                .query(Long.class)
                .single();
        audit.record(actor, "PLAN_PUBLISHED", "plan", plan.id(), null, Map.of("version", version, "name", plan.name()));
        return find(plan.id(), version).orElseThrow(() -> new IllegalStateException("published plan vanished: " + id));
    }

    public List<PlanVersion> latestVersions() {
        return jdbc.sql("""
                select distinct on (plan_key) id, plan_key, version, name, source, currency, created_by, created_at
                from plan_version order by plan_key, version desc""").query(PlanVersion.class).list();
    }

    public List<PlanVersion> versions(String planKey) {
        return jdbc.sql("""
                select id, plan_key, version, name, source, currency, created_by, created_at
                from plan_version where plan_key = :k order by version""").param("k", planKey).query(PlanVersion.class).list();
    }

    public Optional<PlanVersion> find(String planKey, int version) {
        return jdbc.sql("""
                select id, plan_key, version, name, source, currency, created_by, created_at
                from plan_version where plan_key = :k and version = :v""")
                .param("k", planKey)
                .param("v", version)
                .query(PlanVersion.class)
                .optional();
    }

    /** The latest version of every plan, compiled, for a calculation run. */
    public List<CompiledPlan> compiledLatest() {
        List<CompiledPlan> plans = new ArrayList<>();
        for (PlanVersion v : latestVersions()) {
            plans.add(compiled(v));
        }
        return plans;
    }

    /** One published version, compiled (it compiled when it was published, so it compiles now). */
    public CompiledPlan compiled(PlanVersion v) {
        return compiler.compile(v.planKey() + " v" + v.version(), v.source()).orThrow();
    }

    /** What a plan compiles to, in words a comp admin reads: measures, credit rules, components. Empty if it does not compile. */
    public List<String> structure(String yaml) {
        PlanCompilation compilation = dictionary.compiler().compile("plan.yaml", yaml);
        if (!compilation.ok()) {
            return List.of();
        }
        CompiledPlan plan = compilation.orThrow();
        List<String> out = new ArrayList<>();
        out.add(plan.name() + " (" + plan.id() + "), " + plan.currency().code()
                + plan.frequency()
                        .map(f -> ", paid per " + f.name().toLowerCase(java.util.Locale.ROOT))
                        .orElse(""));
        plan.measures()
                .forEach(m -> out.add("measure " + m.id() + ": statuses " + m.statuses() + ", credit "
                        + m.creditRules().stream()
                                .map(r -> r.id() + " from " + r.from().name().toLowerCase(java.util.Locale.ROOT))
                                .toList()));
        plan.components()
                .forEach(c -> out.add("component " + c.id() + ": "
                        + c.getClass().getSimpleName().replace("Component", "").toLowerCase(java.util.Locale.ROOT)));
        return out;
    }

    /** A line diff between two versions, for reviewing a change before it pays anyone. */
    public List<DiffLine> diff(String planKey, int from, int to) {
        PlanVersion a =
                find(planKey, from).orElseThrow(() -> new NotFoundException("plan version", planKey + " v" + from));
        PlanVersion b = find(planKey, to).orElseThrow(() -> new NotFoundException("plan version", planKey + " v" + to));
        return LineDiff.between(a.source(), b.source());
    }

    public record DiffLine(char op, String text) {}

    public record Assignment(
            long personId, String externalId, String email, String name, LocalDate validFrom, LocalDate validUntil) {}

    /** Everyone assigned to the plan, with the dates (validUntil exclusive). */
    public List<Assignment> assignments(String planKey) {
        return jdbc.sql("""
                select a.person_id, p.external_id, p.email, p.first_name || ' ' || p.last_name as name, a.valid_from, a.valid_until
                from plan_assignment a join org_person_v p on p.id = a.person_id where a.plan_key = :k
                order by p.last_name, p.first_name, a.valid_from""").param("k", planKey).query(Assignment.class).list();
    }

    @Transactional
    public void assign(long personId, String planKey, LocalDate from, LocalDate until, String actor) {
        if (versions(planKey).isEmpty()) {
            throw new InvalidInputException(new FieldProblem("planKey", "plan.unknown", "names no published plan"));
        }
        jdbc.sql("insert into plan_assignment(person_id, plan_key, valid_from, valid_until) values (:p, :k, :f, :u)")
                .param("p", personId)
                .param("k", planKey)
                .param("f", from)
                .param("u", until)
                .update();
        audit.record(
                actor,
                "PLAN_ASSIGNED",
                "person",
                Long.toString(personId),
                null,
                Map.of("plan", planKey, "from", from.toString(), "until", until == null ? "" : until.toString()));
    }

    private static List<Problem> problems(PlanCompilation compilation) {
        return compilation.problems().stream()
                .map(p -> new Problem(p.source(), p.line(), p.column(), p.reason(), p.code(), p.args()))
                .toList();
    }
}
