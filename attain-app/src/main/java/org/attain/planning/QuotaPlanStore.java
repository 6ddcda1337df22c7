package org.attain.planning;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The planning tables: plans, their trees, numbers set by hand or import, and the managers' submissions. */
@Repository
class QuotaPlanStore {

    private final JdbcClient jdbc;

    QuotaPlanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewPlan(
            String name,
            String periodId,
            String measure,
            String currency,
            BigDecimal target,
            long rootPersonId,
            LocalDate treeAsOf,
            AllocationMethod defaultMethod) {}

    long insert(NewPlan p, List<QuotaPlanNode> nodes, String actor, Instant at) {
        long id = jdbc.sql("""
                insert into quota_plan(name, period_id, measure, currency, target, root_person_id, tree_as_of,
                                       default_method, created_by, created_at)
                values (:name, :period, :measure, :currency, :target, :root, :asOf, :method, :actor, :at) returning id""")
                .param("name", p.name())
                .param("period", p.periodId())
                .param("measure", p.measure())
                .param("currency", p.currency())
                .param("target", p.target())
                .param("root", p.rootPersonId())
                .param("asOf", p.treeAsOf())
                .param("method", p.defaultMethod().name())
                .param("actor", actor)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
        for (QuotaPlanNode n : nodes) {
            jdbc.sql("""
                    insert into quota_plan_node(plan_id, person_id, parent_id, name, title, currency, depth, method, history, pipeline,
                                                potential)
                    values (:plan, :person, :parent, :name, :title, :currency, :depth, :method, :history, :pipeline,
                            :potential)""")
                    .param("plan", id)
                    .param("person", n.personId())
                    .param("parent", n.parentId())
                    .param("name", n.name())
                    .param("title", n.title())
                    .param("currency", n.currency())
                    .param("depth", n.depth())
                    .param("method", n.method() == null ? null : n.method().name())
                    .param("history", n.history())
                    .param("pipeline", n.pipeline())
                    .param("potential", n.potential())
                    .update();
        }
        return id;
    }

    List<QuotaPlan> all() {
        return jdbc.sql(SELECT + " order by created_at desc, id desc")
                .query(QuotaPlanStore::plan)
                .list();
    }

    List<QuotaPlan> including(long personId) {
        return jdbc.sql(SELECT + """
                 where exists (select 1 from quota_plan_node n where n.plan_id = quota_plan.id and n.person_id = :p)
                 order by created_at desc, id desc""")
                .param("p", personId)
                .query(QuotaPlanStore::plan)
                .list();
    }

    Optional<QuotaPlan> find(long id) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(QuotaPlanStore::plan)
                .optional();
    }

    Optional<QuotaPlan> findForUpdate(long id) {
        return jdbc.sql(SELECT + " where id = :id for update")
                .param("id", id)
                .query(QuotaPlanStore::plan)
                .optional();
    }

    /** Parents before their reports, reports by name. */
    List<QuotaPlanNode> nodes(long planId) {
        return jdbc.sql("""
                select person_id, parent_id, name, title, currency, depth, method, history, pipeline, potential
                from quota_plan_node where plan_id = :plan order by depth, name, person_id""")
                .param("plan", planId)
                .query((rs, n) -> new QuotaPlanNode(
                        rs.getLong(1),
                        rs.getObject(2, Long.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6),
                        rs.getString(7) == null ? null : AllocationMethod.valueOf(rs.getString(7)),
                        rs.getBigDecimal(8),
                        rs.getBigDecimal(9),
                        rs.getBigDecimal(10)))
                .list();
    }

    Map<Long, BigDecimal> submissions(long planId) {
        Map<Long, BigDecimal> out = new LinkedHashMap<>();
        jdbc.sql("select person_id, amount from quota_plan_submission where plan_id = :plan order by person_id")
                .param("plan", planId)
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getBigDecimal(2));
                });
        return out;
    }

    Optional<BigDecimal> submission(long planId, long personId) {
        return jdbc.sql("select amount from quota_plan_submission where plan_id = :plan and person_id = :p")
                .param("plan", planId)
                .param("p", personId)
                .query(BigDecimal.class)
                .optional();
    }

    void submit(long planId, long personId, BigDecimal amount, String actor, Instant at) {
        jdbc.sql("""
                insert into quota_plan_submission(plan_id, person_id, amount, submitted_by, submitted_at)
                values (:plan, :p, :a, :actor, :at)
                on conflict (plan_id, person_id) do update
                set amount = excluded.amount, submitted_by = excluded.submitted_by, submitted_at = excluded.submitted_at""")
                .param("plan", planId)
                .param("p", personId)
                .param("a", amount)
                .param("actor", actor)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** The numbers set for nodes of a plan instead of their top-down share, by person. */
    Map<Long, BigDecimal> setTargets(long planId) {
        Map<Long, BigDecimal> out = new LinkedHashMap<>();
        jdbc.sql("select person_id, amount from quota_plan_target where plan_id = :plan order by person_id")
                .param("plan", planId)
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getBigDecimal(2).setScale(2));
                });
        return out;
    }

    /** Sets (amount) or clears (null) one node's number. */
    void setTarget(long planId, long personId, BigDecimal amount, String actor, Instant at) {
        if (amount == null) {
            jdbc.sql("delete from quota_plan_target where plan_id = :plan and person_id = :p")
                    .param("plan", planId)
                    .param("p", personId)
                    .update();
        } else {
            jdbc.sql("""
                    insert into quota_plan_target(plan_id, person_id, amount, set_by, set_at) values (:plan, :p, :a, :actor, :at)
                    on conflict (plan_id, person_id) do update set amount = excluded.amount, set_by = excluded.set_by,
                        set_at = excluded.set_at""")
                    .param("plan", planId)
                    .param("p", personId)
                    .param("a", amount)
                    .param("actor", actor)
                    .param("at", Timestamp.from(at))
                    .update();
        }
        jdbc.sql("update quota_plan set version = version + 1 where id = :id")
                .param("id", planId)
                .update();
    }

    /** The employee ids of a plan's people (those the org still knows), by person. */
    Map<Long, String> employeeIds(long planId) {
        Map<Long, String> out = new LinkedHashMap<>();
        jdbc.sql("""
                select n.person_id, p.external_id from quota_plan_node n join org_person_v p on p.id = n.person_id
                where n.plan_id = :plan order by n.person_id""").param("plan", planId).query(rs -> {
            out.put(rs.getLong(1), rs.getString(2));
        });
        return out;
    }

    record Settings(
            BigDecimal target,
            AllocationMethod defaultMethod,
            BigDecimal blendEven,
            BigDecimal blendHistory,
            BigDecimal blendPipeline,
            BigDecimal upliftPercent) {}

    void update(long planId, Settings s) {
        jdbc.sql("""
                update quota_plan set target = :target, default_method = :method, blend_even = :e, blend_history = :h,
                       blend_pipeline = :pl, uplift_pct = :u, version = version + 1 where id = :id""")
                .param("target", s.target())
                .param("method", s.defaultMethod().name())
                .param("e", s.blendEven())
                .param("h", s.blendHistory())
                .param("pl", s.blendPipeline())
                .param("u", s.upliftPercent())
                .param("id", planId)
                .update();
    }

    void method(long planId, long personId, AllocationMethod method) {
        jdbc.sql("update quota_plan_node set method = :m where plan_id = :plan and person_id = :p")
                .param("m", method == null ? null : method.name())
                .param("plan", planId)
                .param("p", personId)
                .update();
        jdbc.sql("update quota_plan set version = version + 1 where id = :id")
                .param("id", planId)
                .update();
    }

    /** Moves the plan from {@code from} to {@code to}, noting who and when in the columns of {@code to}. */
    boolean move(long planId, PlanState from, PlanState to, String actor, Instant at) {
        String who = switch (to) {
            case IN_REVIEW -> "reviewed_by = :actor, reviewed_at = :at";
            case APPROVED -> "approved_by = :actor, approved_at = :at";
            case PUBLISHED -> "published_by = :actor, published_at = :at";
            case DRAFT -> "reviewed_by = null, reviewed_at = null, approved_by = null, approved_at = null";
        };
        String sql = "update quota_plan set state = :to, version = version + 1, " + who
                + " where id = :id and state = :from";
        var statement = jdbc.sql(sql).param("to", to.name()).param("id", planId).param("from", from.name());
        if (to != PlanState.DRAFT) {
            statement = statement.param("actor", actor).param("at", Timestamp.from(at));
        }
        return statement.update() == 1;
    }

    private static final String SELECT = """
            select id, name, period_id, measure, currency, target, root_person_id, tree_as_of, default_method, blend_even,
                   blend_history, blend_pipeline, uplift_pct, state, created_by, created_at, reviewed_by, reviewed_at,
                   approved_by, approved_at, published_by, published_at, version
            from quota_plan
            """;

    private static QuotaPlan plan(ResultSet rs, int n) throws SQLException {
        return new QuotaPlan(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getBigDecimal(6),
                rs.getLong(7),
                rs.getObject(8, LocalDate.class),
                AllocationMethod.valueOf(rs.getString(9)),
                rs.getBigDecimal(10),
                rs.getBigDecimal(11),
                rs.getBigDecimal(12),
                rs.getBigDecimal(13),
                PlanState.valueOf(rs.getString(14)),
                rs.getString(15),
                instant(rs, 16),
                rs.getString(17),
                instant(rs, 18),
                rs.getString(19),
                instant(rs, 20),
                rs.getString(21),
                instant(rs, 22),
                rs.getInt(23));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
