package org.attain.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.attain.records.RecordTable;
import org.attain.records.RowRefused;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Budgets as imports upsert them (see {@link RecordTable}), so a budget file goes through an ingest profile like any
 * other record: by (period, team, category), one row at a time through {@link Budgets}' own checks (a month or
 * quarter of the calendar, not closed, an existing team, an amount from 0, a currency for money, whole headcount).
 * A refused row is quarantined naming the field and the reason; the others load.
 */
@Configuration(proxyBeanMethods = false)
class BudgetRecordTables {

    @Bean
    RecordTable budgetsTable(JdbcClient jdbc, Budgets budgets) {
        return new Table(jdbc, budgets);
    }

    static final class Table implements RecordTable {

        private final JdbcClient jdbc;
        private final Budgets budgets;

        Table(JdbcClient jdbc, Budgets budgets) {
            this.jdbc = jdbc;
            this.budgets = budgets;
        }

        @Override
        public String record() {
            return "budgets";
        }

        @Override
        public String table() {
            return "budget";
        }

        @Override
        public List<String> key() {
            return List.of("period_id", "team_id", "category");
        }

        @Override
        public List<String> columns() {
            return List.of("amount", "currency");
        }

        @Override
        public boolean sourceScoped() {
            return false;
        }

        /** One by one, so each row passes the budget's checks on its own and a refused one leaves the others. */
        @Override
        public boolean effectiveDated() {
            return true;
        }

        @Override
        public List<Row> stored(String source) {
            return jdbc.sql("select id, period_id, team_id, category, amount, currency from budget order by id")
                    .query((rs, n) -> {
                        Map<String, Object> v = new LinkedHashMap<>();
                        v.put("period_id", rs.getString(2));
                        v.put("team_id", rs.getLong(3));
                        v.put("category", rs.getString(4));
                        v.put("amount", rs.getBigDecimal(5));
                        v.put("currency", rs.getString(6));
                        return new Row(rs.getLong(1), v);
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
            Budgets.Line saved = write(values);
            long id = jdbc.sql("select id from budget where period_id = :p and team_id = :t and category = :c")
                    .param("p", saved.period())
                    .param("t", saved.teamId())
                    .param("c", saved.category().name())
                    .query(Long.class)
                    .single();
            Map<String, Object> v = new LinkedHashMap<>(values);
            v.put("amount", saved.amount());
            v.put("currency", saved.currency());
            return new Row(id, v);
        }

        @Override
        public void updateOne(Row row, Instant at) {
            write(row.values());
        }

        private Budgets.Line write(Map<String, Object> v) {
            BudgetCategory category = null;
            Object c = v.get("category");
            if (c != null) {
                try {
                    category = BudgetCategory.valueOf(c.toString().strip().toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new RowRefused("category", "is one of COMPENSATION, HEADCOUNT, MARKETING, OTHER");
                }
            }
            Object team = v.get("team_id");
            Budgets.Line line = new Budgets.Line(
                    (String) v.get("period_id"),
                    team == null ? -1 : ((Number) team).longValue(),
                    category,
                    (BigDecimal) v.get("amount"),
                    (String) v.get("currency"));
            try {
                return budgets.saveImported(line);
            } catch (InvalidInputException e) {
                FieldProblem first = e.problems().get(0);
                throw new RowRefused(
                        first.field(),
                        e.problems().stream()
                                .map(FieldProblem::reason)
                                .collect(java.util.stream.Collectors.joining("; ")));
            }
        }
    }
}
