package org.attain.planning.capacity;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The capacity tables: reads and plain writes, no checks (those are {@link CapacityPlanning}'s). */
@Repository
class CapacityStore {

    static final BigDecimal DEFAULT_ATTAINMENT = new BigDecimal("0.8000");

    private final JdbcClient jdbc;

    CapacityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RampProfile> profiles() {
        return jdbc.sql("select id, name, cutoff_day, percents, is_default from capacity_ramp_profile order by name")
                .query(CapacityStore::profile)
                .list();
    }

    Optional<RampProfile> profile(long id) {
        return jdbc.sql("select id, name, cutoff_day, percents, is_default from capacity_ramp_profile where id = :id")
                .param("id", id)
                .query(CapacityStore::profile)
                .optional();
    }

    private static RampProfile profile(ResultSet rs, int n) throws SQLException {
        Array array = rs.getArray(4);
        BigDecimal[] percents = (BigDecimal[]) array.getArray();
        return new RampProfile(
                rs.getLong(1),
                rs.getString(2),
                rs.getInt(3),
                Arrays.stream(percents)
                        .map(BigDecimal::stripTrailingZeros)
                        .map(p -> p.scale() < 0 ? p.setScale(0) : p)
                        .toList(),
                rs.getBoolean(5));
    }

    boolean nameTaken(String name, Long exceptId) {
        return jdbc.sql(
                        "select exists(select 1 from capacity_ramp_profile where lower(name) = lower(:n) and id <> coalesce(:id, -1))")
                .param("n", name.strip())
                .param("id", exceptId)
                .query(Boolean.class)
                .single();
    }

    long saveProfile(RampProfile p, String actor) {
        if (p.isDefault()) {
            jdbc.sql("update capacity_ramp_profile set is_default = false where is_default and id <> coalesce(:id, -1)")
                    .param("id", p.id())
                    .update();
        }
        String[] percents = p.percents().stream().map(BigDecimal::toPlainString).toArray(String[]::new);
        if (p.id() == null) {
            return jdbc.sql("""
                    insert into capacity_ramp_profile(name, cutoff_day, percents, is_default, updated_by)
                    values (:name, :cutoff, cast(:percents as numeric[]), :def, :by) returning id""")
                    .param("name", p.name().strip())
                    .param("cutoff", p.cutoffDay())
                    .param("percents", percents)
                    .param("def", p.isDefault())
                    .param("by", actor)
                    .query(Long.class)
                    .single();
        }
        jdbc.sql("""
                update capacity_ramp_profile set name = :name, cutoff_day = :cutoff, percents = cast(:percents as numeric[]), is_default = :def,
                       updated_at = now(), updated_by = :by where id = :id""")
                .param("name", p.name().strip())
                .param("cutoff", p.cutoffDay())
                .param("percents", percents)
                .param("def", p.isDefault())
                .param("by", actor)
                .param("id", p.id())
                .update();
        return p.id();
    }

    int hiresUsing(long profileId) {
        return jdbc.sql("select count(*) from capacity_hire where ramp_profile_id = :id")
                .param("id", profileId)
                .query(Integer.class)
                .single();
    }

    int deleteProfile(long id) {
        return jdbc.sql("delete from capacity_ramp_profile where id = :id")
                .param("id", id)
                .update();
    }

    List<PlannedHire> hires(String currency) {
        return jdbc.sql("""
                select id, role, starts_on, ends_on, team_id, currency, headcount, monthly_quota, ramp_profile_id
                from capacity_hire where currency = :c order by starts_on, id""").param("c", currency).query(PlannedHire.class).list();
    }

    Optional<PlannedHire> hire(long id) {
        return jdbc.sql("""
                select id, role, starts_on, ends_on, team_id, currency, headcount, monthly_quota, ramp_profile_id
                from capacity_hire where id = :id""").param("id", id).query(PlannedHire.class).optional();
    }

    long addHire(PlannedHire h, String actor) {
        return jdbc.sql("""
                insert into capacity_hire(role, starts_on, ends_on, team_id, currency, headcount, monthly_quota, ramp_profile_id, created_by)
                values (:role, :starts, :ends, :team, :currency, :headcount, :quota, :ramp, :by) returning id""")
                .param("role", h.role().strip())
                .param("starts", h.startsOn())
                .param("ends", h.endsOn())
                .param("team", h.teamId())
                .param("currency", h.currency())
                .param("headcount", h.headcount())
                .param("quota", h.monthlyQuota())
                .param("ramp", h.rampProfileId())
                .param("by", actor)
                .query(Long.class)
                .single();
    }

    int removeHire(long id) {
        return jdbc.sql("delete from capacity_hire where id = :id")
                .param("id", id)
                .update();
    }

    List<PlannedLeaving> leavings(String currency) {
        return jdbc.sql("""
                select a.id, a.person_id, a.headcount, a.leaves_on, a.currency, p.first_name || ' ' || p.last_name as name
                from capacity_attrition a left join org_person_v p on p.id = a.person_id
                where a.currency = :c order by a.leaves_on, a.id""").param("c", currency).query(PlannedLeaving.class).list();
    }

    Optional<PlannedLeaving> leaving(long id) {
        return jdbc.sql("""
                select a.id, a.person_id, a.headcount, a.leaves_on, a.currency, null as name
                from capacity_attrition a where a.id = :id""").param("id", id).query(PlannedLeaving.class).optional();
    }

    long addLeaving(PlannedLeaving l, String actor) {
        return jdbc.sql("""
                insert into capacity_attrition(person_id, headcount, leaves_on, currency, created_by)
                values (:person, :headcount, :leaves, :currency, :by) returning id""")
                .param("person", l.personId())
                .param("headcount", l.headcount())
                .param("leaves", l.leavesOn())
                .param("currency", l.currency())
                .param("by", actor)
                .query(Long.class)
                .single();
    }

    int removeLeaving(long id) {
        return jdbc.sql("delete from capacity_attrition where id = :id")
                .param("id", id)
                .update();
    }

    Map<YearMonth, BigDecimal> targets(String currency) {
        Map<YearMonth, BigDecimal> targets = new TreeMap<>();
        jdbc.sql("select month, amount from capacity_target where currency = :c")
                .param("c", currency)
                .query((rs, n) -> targets.put(YearMonth.parse(rs.getString(1)), rs.getBigDecimal(2)))
                .list();
        return targets;
    }

    /** Sets the target of a month; null clears it. */
    void setTarget(String currency, YearMonth month, BigDecimal amount, String actor) {
        if (amount == null) {
            jdbc.sql("delete from capacity_target where currency = :c and month = :m")
                    .param("c", currency)
                    .param("m", month.toString())
                    .update();
            return;
        }
        jdbc.sql("""
                insert into capacity_target(month, currency, amount, updated_by) values (:m, :c, :a, :by)
                on conflict (currency, month) do update set amount = excluded.amount, updated_at = now(), updated_by = excluded.updated_by""")
                .param("m", month.toString())
                .param("c", currency)
                .param("a", amount)
                .param("by", actor)
                .update();
    }

    /** The quota plan whose top is the currency's target, if one is chosen. */
    Optional<Long> targetPlan(String currency) {
        return jdbc.sql(
                        "select target_plan_id from capacity_setting where currency = :c and target_plan_id is not null")
                .param("c", currency)
                .query(Long.class)
                .optional();
    }

    /** Chooses (or with null drops) the quota plan whose top is the currency's target. */
    void setTargetPlan(String currency, Long planId, BigDecimal attainment, String actor) {
        jdbc.sql("""
                insert into capacity_setting(currency, expected_attainment, target_plan_id, updated_by) values (:c, :a, :p, :by)
                on conflict (currency) do update set target_plan_id = excluded.target_plan_id, updated_at = now(),
                    updated_by = excluded.updated_by""")
                .param("c", currency)
                .param("a", attainment)
                .param("p", planId)
                .param("by", actor)
                .update();
    }

    BigDecimal attainment(String currency) {
        return jdbc.sql("select expected_attainment from capacity_setting where currency = :c")
                .param("c", currency)
                .query(BigDecimal.class)
                .optional()
                .orElse(DEFAULT_ATTAINMENT);
    }

    void setAttainment(String currency, BigDecimal attainment, String actor) {
        jdbc.sql("""
                insert into capacity_setting(currency, expected_attainment, updated_by) values (:c, :a, :by)
                on conflict (currency) do update set expected_attainment = excluded.expected_attainment, updated_at = now(),
                       updated_by = excluded.updated_by""")
                .param("c", currency)
                .param("a", attainment)
                .param("by", actor)
                .update();
    }

    /** Does a rep or other person with this id exist (org's view)? Their currency and hire date when they do. */
    Optional<PersonFacts> person(long id) {
        return jdbc.sql(
                        "select id, first_name || ' ' || last_name as name, currency, employment_start, employment_end from org_person_v where id = :id")
                .param("id", id)
                .query(PersonFacts.class)
                .optional();
    }

    List<CapacityPlanning.RepName> repsToName(String currency) {
        return jdbc.sql("""
                select id, first_name || ' ' || last_name as name from org_person_v
                where role_type = 'REP' and currency = :c and employment_end is null order by last_name, first_name, id""")
                .param("c", currency)
                .query(CapacityPlanning.RepName.class)
                .list();
    }

    record PersonFacts(long id, String name, String currency, LocalDate employmentStart, LocalDate employmentEnd) {}
}
