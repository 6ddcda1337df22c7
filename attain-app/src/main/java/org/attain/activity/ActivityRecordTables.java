package org.attain.activity;

import java.util.List;
import javax.sql.DataSource;
import org.attain.records.RecordTable;
import org.attain.records.SqlRecordTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Activities as imports upsert them (see {@link RecordTable}): by (source, external id). */
@Configuration(proxyBeanMethods = false)
class ActivityRecordTables {

    @Bean
    RecordTable activitiesTable(DataSource dataSource) {
        return new SqlRecordTable(
                dataSource,
                new SqlRecordTable.Shape(
                        "activities",
                        "activity",
                        List.of("external_id"),
                        List.of(
                                "person_id",
                                "kind",
                                "occurred_at",
                                "duration_minutes",
                                "outcome",
                                "account_id",
                                "opportunity_id"),
                        true),
                new SqlRecordTable.Statements("""
                select id, external_id, person_id, kind, occurred_at, duration_minutes, outcome, account_id, opportunity_id
                from activity where source = :source""", """
                insert into activity (source, external_id, person_id, kind, occurred_at, duration_minutes, outcome, account_id,
                                      opportunity_id)
                values (:source, :external_id, :person_id, :kind, :occurred_at, :duration_minutes, :outcome, :account_id,
                        :opportunity_id)""", """
                update activity set person_id = :person_id, kind = :kind, occurred_at = :occurred_at,
                    duration_minutes = :duration_minutes, outcome = :outcome, account_id = :account_id,
                    opportunity_id = :opportunity_id
                where id = :id"""));
    }
}
