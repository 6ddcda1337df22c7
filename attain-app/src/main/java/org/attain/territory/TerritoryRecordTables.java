package org.attain.territory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.attain.platform.NotFoundException;
import org.attain.records.RecordTable;
import org.attain.records.RowRefused;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Territories, rules and members as imports upsert them (the {@code records} SPI): territories by code, rules by
 * (territory, precedence, valid_from), members by (territory, person, valid_from). Rows are written one by one
 * through the same checks as the pages and the API; a refused row is quarantined with the reasons (an import rolls
 * it back to its savepoint) and the rest load. Lists (countries, industries, size bands, accounts) are text
 * separated by ";" or ",". A territory's hierarchy is made when the import names a new one.
 */
@Configuration(proxyBeanMethods = false)
class TerritoryRecordTables {

    @Bean
    RecordTable territoriesTable(JdbcClient jdbc, Territories territories, TerritoryWrites writes) {
        return new Table(
                "territories",
                "territory",
                List.of("code"),
                List.of("name", "level", "parent", "hierarchy", "valid_from", "valid_until"),
                jdbc,
                """
                select t.id, t.code, t.name, t.level, p.code as parent, h.code as hierarchy, t.valid_from, t.valid_until
                from territory t join territory_hierarchy h on h.id = t.hierarchy_id left join territory p on p.id = t.parent_id
                order by t.id""") {
            @Override
            long write(Long id, Map<String, Object> v) {
                String hierarchy = text(v.get("hierarchy"));
                Long hierarchyId = hierarchy == null
                        ? null
                        : territories
                                .hierarchyByCode(hierarchy)
                                .map(Hierarchy::id)
                                .orElseGet(() -> writes.createHierarchy(hierarchy, hierarchy)
                                        .id());
                Long parent = text(v.get("parent")) == null
                        ? null
                        : territories
                                .byCode(text(v.get("parent")))
                                .map(Territory::id)
                                .orElseThrow(() -> new RowRefused(
                                        "parent",
                                        "the parent " + text(v.get("parent")) + " of " + text(v.get("code"))
                                                + " is neither a stored territory nor loaded from this file"));
                Level level = text(v.get("level")) == null ? null : Level.valueOf(text(v.get("level")));
                var in = new TerritoryChanges.TerritoryInput(
                        hierarchyId,
                        text(v.get("code")),
                        text(v.get("name")),
                        level,
                        parent,
                        (LocalDate) v.get("valid_from"),
                        (LocalDate) v.get("valid_until"));
                return id == null
                        ? writes.createTerritory(in, "import").id()
                        : writes.updateTerritory(id, in, "import").id();
            }

            /** Parents before their children, whatever order the file has them in: by depth within the file. */
            @Override
            public Comparator<Map<String, Object>> writeOrder(List<Map<String, Object>> rows) {
                Map<String, String> parentOf = new HashMap<>();
                rows.forEach(r -> {
                    if (text(r.get("code")) != null) {
                        parentOf.put(text(r.get("code")), text(r.get("parent")));
                    }
                });
                return Comparator.comparingInt(r -> depthInFile(text(r.get("code")), parentOf));
            }
        };
    }

    @Bean
    RecordTable territoryRulesTable(JdbcClient jdbc, Territories territories, TerritoryWrites writes) {
        return new Table(
                "territory_rules",
                "territory_rule",
                List.of("territory", "precedence", "valid_from"),
                List.of("valid_until", "countries", "postal_from", "postal_to", "industries", "size_bands", "accounts"),
                jdbc,
                """
                select r.id, t.code as territory, r.precedence, r.valid_from, r.valid_until, array_to_string(r.countries, ';') as countries,
                       r.postal_from, r.postal_to, array_to_string(r.industries, ';') as industries,
                       array_to_string(r.size_bands, ';') as size_bands,
                       array_to_string(array(select a.external_id from sales_account_v a where a.id = any(r.account_ids)
                                             order by a.external_id), ';') as accounts
                from territory_rule r join territory t on t.id = r.territory_id order by r.id""") {
            @Override
            long write(Long id, Map<String, Object> v) {
                long territory = territory(territories, v);
                Object precedence = v.get("precedence");
                var in = new TerritoryChanges.RuleInput(
                        precedence == null ? null : ((Number) precedence).intValue(),
                        list(v.get("countries")),
                        text(v.get("postal_from")),
                        text(v.get("postal_to")),
                        list(v.get("industries")),
                        list(v.get("size_bands")),
                        list(v.get("accounts")),
                        (LocalDate) v.get("valid_from"),
                        (LocalDate) v.get("valid_until"));
                return id == null
                        ? writes.addRule(territory, in, "import").id()
                        : writes.updateRule(territory, id, in, "import").id();
            }
        };
    }

    @Bean
    RecordTable territoryMembersTable(JdbcClient jdbc, Territories territories, TerritoryWrites writes) {
        return new Table(
                "territory_members",
                "territory_member",
                List.of("territory", "person_id", "valid_from"),
                List.of("role", "valid_until"),
                jdbc,
                """
                select m.id, t.code as territory, m.person_id, m.valid_from, m.role, m.valid_until
                from territory_member m join territory t on t.id = m.territory_id order by m.id""") {
            @Override
            long write(Long id, Map<String, Object> v) {
                long territory = territory(territories, v);
                Object person = v.get("person_id");
                MemberRole role = text(v.get("role")) == null ? null : MemberRole.valueOf(text(v.get("role")));
                var in = new TerritoryChanges.MemberInput(
                        person == null ? null : person.toString(), role, (LocalDate) v.get("valid_from"), (LocalDate)
                                v.get("valid_until"));
                return id == null
                        ? writes.addMember(territory, in, "import").id()
                        : writes.updateMember(territory, id, in, "import").id();
            }
        };
    }

    /** A table written row by row through {@link TerritoryWrites}; its checks' refusals become the row's reasons. */
    abstract static class Table implements RecordTable {

        /** The pages' and API's field names as the import's fields name them. */
        private static final Map<String, String> IMPORT_FIELDS = Map.of(
                "parentId", "parent",
                "hierarchyId", "hierarchy",
                "validFrom", "valid_from",
                "validUntil", "valid_until",
                "sizeBands", "size_bands",
                "postalFrom", "postal_from",
                "postalTo", "postal_to");

        private final String record;
        private final String table;
        private final List<String> key;
        private final List<String> columns;
        private final JdbcClient jdbc;
        private final String select;

        Table(String record, String table, List<String> key, List<String> columns, JdbcClient jdbc, String select) {
            this.record = record;
            this.table = table;
            this.key = key;
            this.columns = columns;
            this.jdbc = jdbc;
            this.select = select;
        }

        /** Writes one row (id null: new) and returns its id. */
        abstract long write(Long id, Map<String, Object> values);

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
            return key;
        }

        @Override
        public List<String> columns() {
            return columns;
        }

        @Override
        public boolean sourceScoped() {
            return false;
        }

        /** One by one, so each row passes the checks on its own and a refused one leaves the others. */
        @Override
        public boolean effectiveDated() {
            return true;
        }

        @Override
        public List<Row> stored(String source) {
            return jdbc.sql(select)
                    .query((rs, i) -> {
                        Map<String, Object> values = new LinkedHashMap<>();
                        for (int c = 2; c <= rs.getMetaData().getColumnCount(); c++) {
                            Object o = rs.getObject(c);
                            values.put(
                                    rs.getMetaData().getColumnLabel(c),
                                    o instanceof java.sql.Date d ? d.toLocalDate() : o);
                        }
                        return new Row(rs.getLong(1), values);
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
            return new Row(checked(null, values), values);
        }

        @Override
        public void updateOne(Row row, Instant at) {
            checked(row.id(), row.values());
        }

        private long checked(Long id, Map<String, Object> values) {
            try {
                return write(id, values);
            } catch (TerritoryRefused e) {
                TerritoryRefused.Problem first = e.reasons().get(0);
                throw new RowRefused(
                        IMPORT_FIELDS.getOrDefault(first.field(), first.field()),
                        e.reasons().stream()
                                .map(p -> (e.reasons().size() > 1
                                                ? IMPORT_FIELDS.getOrDefault(p.field(), p.field()) + ": "
                                                : "")
                                        + p.reason())
                                .collect(Collectors.joining("; ")));
            } catch (NotFoundException | IllegalArgumentException e) {
                throw new DataIntegrityViolationException(String.valueOf(e.getMessage()));
            }
        }

        /** How many of a territory's ancestors the same file names (a cycle stops at the file's size). */
        static int depthInFile(String code, Map<String, String> parentOf) {
            int depth = 0;
            String at = code == null ? null : parentOf.get(code);
            while (at != null && parentOf.containsKey(at) && depth < parentOf.size()) {
                depth++;
                at = parentOf.get(at);
            }
            return depth;
        }

        static long territory(Territories territories, Map<String, Object> v) {
            String code = text(v.get("territory"));
            return territories
                    .byCode(code == null ? "" : code)
                    .map(Territory::id)
                    .orElseThrow(() -> new RowRefused("territory", "there is no territory " + code));
        }

        static String text(Object o) {
            return o == null || o.toString().isBlank() ? null : o.toString().strip();
        }

        static List<String> list(Object o) {
            String t = text(o);
            return t == null
                    ? List.of()
                    : Arrays.stream(t.split("[;,]"))
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .toList();
        }
    }
}
