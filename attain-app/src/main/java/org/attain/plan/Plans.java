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
import org.attain.engine.plan.PlanVersions;
import org.attain.engine.time.DateRange;
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
    private final EffectiveDates effectiveDates;

    Plans(
            JdbcClient jdbc,
            AuditLog audit,
            PlanDictionary dictionary,
            NeverTrue neverTrue,
            EffectiveDates effectiveDates) {
        this.effectiveDates = effectiveDates;
        this.jdbc = jdbc;
        this.audit = audit;
        this.dictionary = dictionary;
        this.neverTrue = neverTrue;
    }

    /**
     * The people among these who are or ever were assigned a plan: only they can have results, so a
     * recalculation for anyone else would compute nobody (a change's managers up the line, for one).
     */
    public java.util.Set<Long> everAssigned(java.util.Set<Long> personIds) {
        if (personIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.TreeSet<>(
                jdbc.sql("select distinct person_id from plan_assignment where person_id = any(:ids)")
                        .param("ids", personIds.toArray(Long[]::new))
                        .query(Long.class)
                        .list());
    }

    public record PlanVersion(
            long id,
            String planKey,
            int version,
            String name,
            String source,
            String currency,
            String createdBy,
            java.time.Instant createdAt,
            LocalDate effectiveFrom) {}

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
        return publish(yaml, actor, null);
    }

    /**
     * Publishes the next version, in force from {@code effectiveFrom}; null: from the date the latest version
     * is in force from (it replaces it, as publishing did before versions had dates). A date inside or
     * before a closed period, or before the latest version's date, is refused ({@link EffectiveDateRefused}).
     */
    @Transactional
    public PlanVersion publish(String yaml, String actor, LocalDate effectiveFrom) {
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
        LocalDate from = effectiveDates.check(versions(plan.id()), effectiveFrom);
        long id = jdbc.sql("""
                insert into plan_version(plan_key, version, name, source, currency, created_by, effective_from)
                values (:k, :v, :n, :s, :c, :by, :from) returning id""")
                .param("k", plan.id())
                .param("v", version)
                .param("n", plan.name())
                .param("s", yaml)
                .param("c", plan.currency().code())
                .param("by", actor)
                .param("from", from)
                .query(Long.class)
                .single();
        audit.record(
                actor,
                "PLAN_PUBLISHED",
                "plan",
                plan.id(),
                null,
                Map.of("version", version, "name", plan.name(), "effectiveFrom", from == null ? "" : from.toString()));
        return find(plan.id(), version).orElseThrow(() -> new IllegalStateException("published plan vanished: " + id));
    }

    public List<PlanVersion> latestVersions() {
        return jdbc.sql("""
                select distinct on (plan_key) id, plan_key, version, name, source, currency, created_by, created_at, effective_from
                from plan_version order by plan_key, version desc""").query(PlanVersion.class).list();
    }

    /** A plan's latest version on the plans list, with how many people it pays on the day shown. */
    public record Listed(
            String planKey,
            int version,
            String name,
            String currency,
            String createdBy,
            java.time.Instant createdAt,
            LocalDate effectiveFrom,
            int people) {}

    /** Plans paying someone on the day ({@code assigned}), or no one ({@code unassigned}); anything else: both. */
    public static final List<String> USE = List.of("assigned", "unassigned");

    /**
     * One page of the plans (latest version each, by name) with a search text found in the name or key,
     * narrowed to a currency and to plans in use or not on {@code today}, and the total.
     */
    public org.attain.platform.Paged<Listed> page(
            String q, String currency, String use, LocalDate today, org.attain.platform.PageRequest page) {
        String from = """
                from (select distinct on (plan_key) plan_key, version, name, currency, created_by, created_at, effective_from
                      from plan_version order by plan_key, version desc) v
                left join lateral (select count(distinct a.person_id) as people from plan_assignment a
                      where a.plan_key = v.plan_key and a.valid_from <= :today
                        and (a.valid_until is null or a.valid_until > :today)) n on true
                where (:q = '' or v.name ilike :like or v.plan_key ilike :like)
                  and (cast(:currency as text) is null or v.currency = cast(:currency as text))
                  and (cast(:use as text) is null or (cast(:use as text) = 'assigned' and n.people > 0)
                       or (cast(:use as text) = 'unassigned' and n.people = 0))
                """;
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("q", org.attain.platform.SearchText.of(q));
        params.put("like", org.attain.platform.SearchText.like(q));
        params.put("currency", currency == null || currency.isBlank() ? null : currency.strip());
        params.put("use", use != null && USE.contains(use) ? use : null);
        params.put("today", today);
        long total = jdbc.sql("select count(*) " + from)
                .params(params)
                .query(Long.class)
                .single();
        page = page.within(total);
        List<Listed> rows = jdbc.sql("select v.plan_key, v.version, v.name, v.currency, v.created_by, v.created_at,"
                        + " v.effective_from, n.people " + from
                        + " order by lower(v.name), v.plan_key limit :limit offset :offset")
                .params(params)
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query(Listed.class)
                .list();
        return org.attain.platform.Paged.of(rows, page, total);
    }

    /** The currencies plans pay in, for the list's filter. */
    public List<String> currencies() {
        return jdbc.sql("select distinct currency from plan_version order by currency")
                .query(String.class)
                .list();
    }

    public List<PlanVersion> versions(String planKey) {
        return jdbc.sql("""
                select id, plan_key, version, name, source, currency, created_by, created_at, effective_from
                from plan_version where plan_key = :k order by version""").param("k", planKey).query(PlanVersion.class).list();
    }

    public Optional<PlanVersion> find(String planKey, int version) {
        return jdbc.sql("""
                select id, plan_key, version, name, source, currency, created_by, created_at, effective_from
                from plan_version where plan_key = :k and version = :v""")
                .param("k", planKey)
                .param("v", version)
                .query(PlanVersion.class)
                .optional();
    }

    /**
     * The versions of every plan that are in force on some day, oldest first per plan, for a calculation run: a
     * version is dropped when the next one takes effect on the same day or earlier (undated versions all start
     * at the beginning, so of those only the latest pays, as before versions had dates).
     */
    public List<PlanVersion> versionsInForce() {
        return jdbc.sql("""
                select id, plan_key, version, name, source, currency, created_by, created_at, effective_from
                from (select v.*, lead(coalesce(effective_from, '-infinity'::date))
                          over (partition by plan_key order by version) as next_from
                      from plan_version v) v
                where next_from is null or next_from > coalesce(effective_from, '-infinity'::date)
                order by plan_key, version""").query(PlanVersion.class).list();
    }

    /**
     * One published version compiled as the run pays it: numbered by its version, in force from its
     * effective date (none: from the beginning, or the document's own 'effective') until the next version's
     * ({@code PlanVersions}).
     */
    public CompiledPlan compiledInForce(PlanVersion v) {
        CompiledPlan plan = compiled(v);
        DateRange own = plan.effective();
        DateRange effective = v.effectiveFrom() == null || v.effectiveFrom().isBefore(own.first())
                ? own
                : new DateRange(
                        v.effectiveFrom(), own.last().isBefore(v.effectiveFrom()) ? v.effectiveFrom() : own.last());
        return PlanVersions.asVersion(plan, Integer.toString(v.version()), effective);
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
                        .orElse("")
                + plan.frequency()
                        .flatMap(plan::measuredOver)
                        .map(m -> ", measured per " + m.name().toLowerCase(java.util.Locale.ROOT) + " to date")
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
