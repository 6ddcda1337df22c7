package org.attain.forecast;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The forecast's own tables (stages, calls, snapshots) and the published views it reads (people, quotas). */
@Repository
class ForecastStore {

    record StageSetting(
            String stage, int position, BigDecimal probability, ForecastCategory category, boolean useLearned) {}

    record Call(
            long id,
            long personId,
            String periodId,
            ForecastCategory category,
            BigDecimal amount,
            BigDecimal computed,
            BigDecimal weighted,
            String currency,
            LocalDate weekOf,
            String note,
            String submittedBy,
            Instant submittedAt) {}

    private final JdbcClient jdbc;

    ForecastStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<StageSetting> stages() {
        return jdbc.sql(
                        "select stage, position, probability, category, use_learned from forecast_stage order by position, stage")
                .query((rs, n) -> new StageSetting(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getBigDecimal(3),
                        ForecastCategory.ofKey(rs.getString(4)),
                        rs.getBoolean(5)))
                .list();
    }

    void saveStage(StageSetting s, String actor, Instant at) {
        jdbc.sql("""
                insert into forecast_stage (stage, position, probability, category, use_learned, updated_by, updated_at)
                values (:stage, :position, :p, :category, :learned, :by, :at)
                on conflict (stage) do update set position = excluded.position, probability = excluded.probability,
                    category = excluded.category, use_learned = excluded.use_learned, updated_by = excluded.updated_by,
                    updated_at = excluded.updated_at""")
                .param("stage", s.stage())
                .param("position", s.position())
                .param("p", s.probability())
                .param("category", s.category().key())
                .param("learned", s.useLearned())
                .param("by", actor)
                .param("at", java.sql.Timestamp.from(at))
                .update();
    }

    void addCall(Call c) {
        jdbc.sql("""
                insert into forecast_call (person_id, period_id, category, amount, computed, weighted, currency, week_of, note,
                                           submitted_by, submitted_at)
                values (:person, :period, :category, :amount, :computed, :weighted, :currency, :week, :note, :by, :at)""")
                .param("person", c.personId())
                .param("period", c.periodId())
                .param("category", c.category().key())
                .param("amount", c.amount())
                .param("computed", c.computed())
                .param("weighted", c.weighted())
                .param("currency", c.currency())
                .param("week", c.weekOf())
                .param("note", c.note())
                .param("by", c.submittedBy())
                .param("at", java.sql.Timestamp.from(c.submittedAt()))
                .update();
    }

    /** A person's last weekly snapshot of a quarter in a currency: the weighted pipeline and the commit rolled up. */
    record LastWeek(LocalDate weekOf, BigDecimal weighted, BigDecimal commit) {}

    Optional<LastWeek> lastWeek(long personId, String periodId, String currency) {
        return jdbc.sql("""
                        select week_of, weighted, rolled_up from forecast_call_week
                        where person_id = :p and period_id = :period and currency = :c and category = 'commit'
                        order by week_of desc limit 1""")
                .param("p", personId)
                .param("period", periodId)
                .param("c", currency)
                .query((rs, n) -> new LastWeek(
                        rs.getObject(1, LocalDate.class),
                        rs.getBigDecimal(2).setScale(2, java.math.RoundingMode.HALF_EVEN),
                        rs.getBigDecimal(3).setScale(2, java.math.RoundingMode.HALF_EVEN)))
                .optional();
    }

    /** Every call made for the period by these people, oldest first. */
    List<Call> calls(Collection<Long> people, String periodId) {
        if (people.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select id, person_id, period_id, category, amount, computed, weighted, currency, week_of, note, submitted_by,
                       submitted_at
                from forecast_call where person_id = any(:people) and period_id = :period order by submitted_at, id""")
                .param("people", people.toArray(Long[]::new))
                .param("period", periodId)
                .query((rs, n) -> new Call(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        ForecastCategory.ofKey(rs.getString(4)),
                        cents(rs.getBigDecimal(5)),
                        cents(rs.getBigDecimal(6)),
                        cents(rs.getBigDecimal(7)),
                        rs.getString(8),
                        rs.getObject(9, LocalDate.class),
                        rs.getString(10),
                        rs.getString(11),
                        rs.getTimestamp(12).toInstant()))
                .list();
    }

    /** Every call made for the period by anyone, oldest first. */
    List<Call> callsIn(String periodId) {
        List<Long> people = jdbc.sql("select distinct person_id from forecast_call where period_id = :p")
                .param("p", periodId)
                .query(Long.class)
                .list();
        return calls(people, periodId);
    }

    // Stored as numeric(19,4); calls are made in cents.
    private static BigDecimal cents(BigDecimal v) {
        return v.setScale(2, java.math.RoundingMode.HALF_EVEN);
    }

    /** The calls in force: each person's latest per category and currency. */
    Map<Long, Map<ForecastCategory, BigDecimal>> callsInForce(List<Call> calls, String currency) {
        Map<Long, Map<ForecastCategory, BigDecimal>> out = new HashMap<>();
        for (Call c : calls) {
            if (c.currency().equals(currency)) {
                out.computeIfAbsent(c.personId(), k -> new EnumMap<>(ForecastCategory.class))
                        .put(c.category(), c.amount());
            }
        }
        return out;
    }

    /** An open deal as a week's snapshot sees it: its stage and the close date it had. */
    record Open(String stage, LocalDate closeDate) {}

    void snapshot(LocalDate weekOf, Map<Long, Open> byOpportunity) {
        if (byOpportunity.isEmpty()) {
            return;
        }
        List<Long> ids = new ArrayList<>(byOpportunity.keySet());
        jdbc.sql("""
                insert into forecast_stage_snapshot (week_of, opportunity_id, stage, close_date)
                select :week, u.id, u.stage, u.close_date from unnest(:ids, :stages, :closes) as u(id, stage, close_date)
                on conflict (week_of, opportunity_id) do update set stage = excluded.stage, close_date = excluded.close_date""")
                .param("week", weekOf)
                .param("ids", ids.toArray(Long[]::new))
                .param(
                        "stages",
                        ids.stream().map(id -> byOpportunity.get(id).stage()).toArray(String[]::new))
                .param(
                        "closes",
                        ids.stream()
                                .map(id -> java.sql.Date.valueOf(
                                        byOpportunity.get(id).closeDate()))
                                .toArray(java.sql.Date[]::new))
                .update();
    }

    /**
     * The close dates snapshots recorded, by opportunity and week (rows taken before close dates were kept have
     * none and are left out).
     */
    Map<Long, java.util.NavigableMap<LocalDate, LocalDate>> closeDatesSeen() {
        Map<Long, java.util.NavigableMap<LocalDate, LocalDate>> out = new HashMap<>();
        jdbc.sql("select opportunity_id, week_of, close_date from forecast_stage_snapshot where close_date is not null")
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new java.util.TreeMap<>())
                            .put(rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class));
                });
        return out;
    }

    /** Each (opportunity, stage) ever seen in a snapshot, once. */
    Map<Long, List<String>> stagesSeen() {
        Map<Long, List<String>> out = new HashMap<>();
        jdbc.sql("select distinct opportunity_id, stage from forecast_stage_snapshot order by 1, 2")
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return out;
    }

    /** The categories set per deal, by opportunity id. */
    Map<Long, ForecastCategory> dealCategories() {
        Map<Long, ForecastCategory> out = new HashMap<>();
        jdbc.sql("select opportunity_id, category from forecast_deal_category").query(rs -> {
            out.put(rs.getLong(1), ForecastCategory.ofKey(rs.getString(2)));
        });
        return out;
    }

    /** Sets (or, with null, clears) a deal's category. */
    void setDealCategory(long opportunityId, ForecastCategory category, String actor, Instant at) {
        if (category == null) {
            jdbc.sql("delete from forecast_deal_category where opportunity_id = :id")
                    .param("id", opportunityId)
                    .update();
            return;
        }
        jdbc.sql("""
                insert into forecast_deal_category (opportunity_id, category, set_by, set_at) values (:id, :c, :by, :at)
                on conflict (opportunity_id) do update set category = excluded.category, set_by = excluded.set_by,
                    set_at = excluded.set_at""")
                .param("id", opportunityId)
                .param("c", category.key())
                .param("by", actor)
                .param("at", java.sql.Timestamp.from(at))
                .update();
    }

    /** A snapshot row: an opportunity seen in a stage in a week. */
    record Seen(long opportunityId, String stage, LocalDate weekOf) {}

    /** Every snapshot row, by opportunity and week. */
    List<Seen> stageWeeksSeen() {
        return jdbc.sql("select opportunity_id, stage, week_of from forecast_stage_snapshot order by 1, 3")
                .query((rs, n) -> new Seen(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class)))
                .list();
    }

    /** Names of people (org's {@code org_person_v}). */
    Map<Long, String> names(Collection<Long> people) {
        Map<Long, String> out = new HashMap<>();
        if (people.isEmpty()) {
            return out;
        }
        jdbc.sql("select id, first_name || ' ' || last_name from org_person_v where id = any(:ids)")
                .param("ids", people.toArray(Long[]::new))
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getString(2));
                });
        return out;
    }

    /** Quotas of the measure 'bookings' of these people in periods within [from, to], per currency, quarters preferred to months. */
    Map<String, BigDecimal> quotas(Collection<Long> people, LocalDate from, LocalDate to) {
        Map<String, Map<String, BigDecimal>> byKind = new HashMap<>();
        if (people.isEmpty()) {
            return Map.of();
        }
        jdbc.sql("""
                select p.kind, q.currency, sum(q.amount) from quota_person_v q join calendar_period_v p on p.id = q.period_id
                where q.person_id = any(:ids) and q.measure = 'bookings' and p.starts_on >= :from and p.ends_on <= :to
                  and p.kind in ('QUARTER', 'MONTH')
                group by p.kind, q.currency""")
                .param("ids", people.toArray(Long[]::new))
                .param("from", from)
                .param("to", to)
                .query(rs -> {
                    byKind.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .put(rs.getString(2), rs.getBigDecimal(3));
                });
        return byKind.getOrDefault("QUARTER", byKind.getOrDefault("MONTH", Map.of()));
    }
}
