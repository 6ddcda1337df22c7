package org.attain.org;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.attain.records.RecordTable;
import org.attain.records.SqlRecordTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * People, reporting lines and teams as imports upsert them (see {@link RecordTable}): people and teams by
 * their codes, reporting lines by (person, start), each new line ending the one in force. Every write moves
 * {@code org_version} by the tables' triggers, so {@link OrgSnapshot} and the imports' directory read again.
 */
@Configuration(proxyBeanMethods = false)
class OrgRecordTables {

    @Bean
    RecordTable peopleTable(DataSource dataSource) {
        return new SqlRecordTable(
                dataSource,
                new SqlRecordTable.Shape(
                        "people",
                        "person",
                        List.of("external_id"),
                        List.of(
                                "first_name",
                                "last_name",
                                "email",
                                "title",
                                "role_type",
                                "team_id",
                                "region_id",
                                "employment_start",
                                "employment_end",
                                "currency"),
                        false),
                new SqlRecordTable.Statements("""
                select id, external_id, first_name, last_name, email, title, role_type, team_id, region_id, employment_start,
                       employment_end, currency
                from person""", """
                insert into person (external_id, first_name, last_name, email, title, role_type, team_id, region_id,
                                    employment_start, employment_end, currency)
                values (:external_id, :first_name, :last_name, :email, :title, :role_type, :team_id, :region_id,
                        :employment_start, :employment_end, :currency)""", """
                update person set first_name = :first_name, last_name = :last_name, email = :email, title = :title,
                    role_type = :role_type, team_id = :team_id, region_id = :region_id, employment_start = :employment_start,
                    employment_end = :employment_end, currency = :currency
                where id = :id"""));
    }

    @Bean
    RecordTable reportingLinesTable(DataSource dataSource, JdbcClient jdbc) {
        return new ReportingLineTable(dataSource, jdbc);
    }

    @Bean
    RecordTable teamsTable(DataSource dataSource) {
        return new SqlRecordTable(
                dataSource,
                new SqlRecordTable.Shape("teams", "team", List.of("code"), List.of("name", "region_id"), false),
                new SqlRecordTable.Statements("""
                select id, code, name, region_id from team""", """
                insert into team (code, name, region_id) values (:code, :name, :region_id)""", """
                update team set name = :name, region_id = :region_id where id = :id"""));
    }

    /** Effective-dated lines: written one by one in (person, start) order, each new one ending the line in force. */
    static final class ReportingLineTable extends SqlRecordTable {

        private final JdbcClient jdbc;

        ReportingLineTable(DataSource dataSource, JdbcClient jdbc) {
            super(
                    dataSource,
                    new Shape(
                            "reporting_lines",
                            "reporting_line",
                            List.of("person_id", "valid_from"),
                            List.of("manager_id", "valid_until"),
                            false),
                    new Statements("""
                    select id, person_id, valid_from, manager_id, valid_until from reporting_line""", """
                    insert into reporting_line (person_id, valid_from, manager_id, valid_until)
                    values (:person_id, :valid_from, :manager_id, :valid_until)""", """
                    update reporting_line set manager_id = :manager_id, valid_until = :valid_until where id = :id"""));
            this.jdbc = jdbc;
        }

        @Override
        public boolean effectiveDated() {
            return true;
        }

        /**
         * A new line from D ends the person's line in force on D the day before (valid_until = D, exclusive);
         * without an end of its own it lasts until the person's next line, if there is one.
         */
        @Override
        public Row insertOne(Map<String, Object> row, String source) {
            Map<String, Object> values = new LinkedHashMap<>(row);
            jdbc.sql("""
                    update reporting_line set valid_until = :from
                    where person_id = :person and valid_from < :from and (valid_until is null or valid_until > :from)""")
                    .param("from", values.get("valid_from"))
                    .param("person", values.get("person_id"))
                    .update();
            if (values.get("valid_until") == null) {
                values.put(
                        "valid_until",
                        jdbc.sql("""
                        select min(valid_from) from reporting_line where person_id = :person and valid_from > :from""")
                                .param("from", values.get("valid_from"))
                                .param("person", values.get("person_id"))
                                .query(LocalDate.class)
                                .optional()
                                .orElse(null));
            }
            return super.insertOne(values, source);
        }
    }
}
