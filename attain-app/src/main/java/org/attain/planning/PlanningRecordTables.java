package org.attain.planning;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.attain.platform.NotFoundException;
import org.attain.records.RecordTable;
import org.attain.records.RowRefused;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Quota plans' numbers as imports upsert them (the {@code records} SPI): {@code quota_plan_targets}, a node's number
 * set instead of its top-down share, by (plan, person); {@code quota_plan_submissions}, a manager's bottom-up number,
 * by (plan, person). A plan is named by its id (as the exports write it) or its exact name. Rows are written one by
 * one through the same checks as the pages and the API (a draft plan for targets, a plan still open for submissions,
 * a person of the plan's tree, whole cents); a refused row is quarantined naming the field and the rest load. The
 * period and currency columns, when given, must be the plan's own: a file meant for another plan is refused.
 */
@Configuration(proxyBeanMethods = false)
class PlanningRecordTables {

    @Bean
    RecordTable quotaPlanTargetsTable(JdbcClient jdbc, QuotaPlanStore store, QuotaPlans plans) {
        return new Table("quota_plan_targets", "quota_plan_target", jdbc, store, """
                select p.id as plan, t.person_id, p.period_id, t.amount, p.currency
                from quota_plan_target t join quota_plan p on p.id = t.plan_id order by t.plan_id, t.person_id""") {
            @Override
            void write(QuotaPlan plan, long personId, BigDecimal amount) {
                plans.setTargetAs(plan.id(), personId, amount, "import");
            }
        };
    }

    @Bean
    RecordTable quotaPlanSubmissionsTable(JdbcClient jdbc, QuotaPlanStore store, QuotaPlans plans) {
        return new Table("quota_plan_submissions", "quota_plan_submission", jdbc, store, """
                select p.id as plan, s.person_id, p.period_id, s.amount, p.currency
                from quota_plan_submission s join quota_plan p on p.id = s.plan_id order by s.plan_id, s.person_id""") {
            @Override
            void write(QuotaPlan plan, long personId, BigDecimal amount) {
                plans.submitAs(plan.id(), personId, amount, "import");
            }
        };
    }

    /** A plan's numbers by (plan, person), written one row at a time through {@link QuotaPlans}' checks. */
    abstract static class Table implements RecordTable {

        /** The API's field names as the import's fields name them. */
        private static final Map<String, String> IMPORT_FIELDS =
                Map.of("personId", "person", "state", "plan", "target", "amount");

        private final String record;
        private final String table;
        private final JdbcClient jdbc;
        private final QuotaPlanStore store;
        private final String select;

        Table(String record, String table, JdbcClient jdbc, QuotaPlanStore store, String select) {
            this.record = record;
            this.table = table;
            this.jdbc = jdbc;
            this.store = store;
            this.select = select;
        }

        abstract void write(QuotaPlan plan, long personId, BigDecimal amount);

        @Override
        public String record() {
            return record;
        }

        @Override
        public String table() {
            return table;
        }

        @Override
        public List<String> key() {
            return List.of("plan", "person_id");
        }

        @Override
        public List<String> columns() {
            return List.of("period_id", "amount", "currency");
        }

        @Override
        public boolean sourceScoped() {
            return false;
        }

        /** One by one, so each row passes the plan's checks on its own and a refused one leaves the others. */
        @Override
        public boolean effectiveDated() {
            return true;
        }

        @Override
        public List<Row> stored(String source) {
            return jdbc.sql(select)
                    .query((rs, i) -> {
                        Map<String, Object> values = new LinkedHashMap<>();
                        values.put("plan", Long.toString(rs.getLong(1)));
                        values.put("person_id", rs.getLong(2));
                        values.put("period_id", rs.getString(3));
                        values.put("amount", rs.getBigDecimal(4));
                        values.put("currency", rs.getString(5));
                        return new Row(rs.getLong(1) * 1_000_000_000L + rs.getLong(2), values);
                    })
                    .list();
        }

        @Override
        public void insert(List<Map<String, Object>> rows, String source) {
            rows.forEach(r -> insertOne(r, source));
        }

        @Override
        public void update(List<Row> rows, Instant at) {
            rows.forEach(r -> updateOne(r, at));
        }

        @Override
        public Row insertOne(Map<String, Object> values, String source) {
            QuotaPlan plan = checked(values);
            return new Row(plan.id() * 1_000_000_000L + ((Number) values.get("person_id")).longValue(), values);
        }

        @Override
        public void updateOne(Row row, Instant at) {
            checked(row.values());
        }

        private QuotaPlan checked(Map<String, Object> v) {
            QuotaPlan plan = plan(v.get("plan"));
            if (v.get("period_id") != null && !plan.periodId().equals(v.get("period_id"))) {
                throw new RowRefused(
                        "period",
                        "plan " + plan.id() + " (" + plan.name() + ") is for " + plan.periodId() + ", not "
                                + v.get("period_id"));
            }
            if (v.get("currency") != null && !plan.currency().equals(v.get("currency"))) {
                throw new RowRefused(
                        "currency",
                        "plan " + plan.id() + " (" + plan.name() + ") is in " + plan.currency() + ", not "
                                + v.get("currency"));
            }
            long person = ((Number) v.get("person_id")).longValue();
            try {
                write(plan, person, (BigDecimal) v.get("amount"));
            } catch (PlanRefused e) {
                PlanRefused.Problem first = e.details().get(0);
                throw new RowRefused(
                        IMPORT_FIELDS.getOrDefault(first.field(), first.field()),
                        e.details().stream()
                                .map(p -> (e.details().size() > 1
                                                ? IMPORT_FIELDS.getOrDefault(p.field(), p.field()) + ": "
                                                : "")
                                        + p.reason())
                                .collect(Collectors.joining("; ")));
            } catch (NotFoundException e) {
                throw new RowRefused("person", "person " + person + " is not in the tree of plan " + plan.id());
            }
            return plan;
        }

        /** A plan by id, or by its exact name when that names one plan only. */
        private QuotaPlan plan(Object given) {
            String text = given == null ? "" : given.toString().strip();
            if (text.matches("\\d{1,18}")) {
                var byId = store.find(Long.parseLong(text));
                if (byId.isPresent()) {
                    return byId.get();
                }
            }
            List<QuotaPlan> named =
                    store.all().stream().filter(p -> p.name().equals(text)).toList();
            if (named.size() == 1) {
                return named.get(0);
            }
            throw new RowRefused(
                    "plan",
                    named.isEmpty()
                            ? "there is no quota plan " + text + " (give its id or exact name)"
                            : named.size() + " quota plans are named " + text + ": give the plan's id");
        }
    }
}
