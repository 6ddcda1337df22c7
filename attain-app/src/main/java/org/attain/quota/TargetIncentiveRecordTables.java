package org.attain.quota;

import java.util.List;
import javax.sql.DataSource;
import org.attain.records.RecordTable;
import org.attain.records.SqlRecordTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Target incentives as imports upsert them (see {@link RecordTable}): by (person, period); a change bumps the row's version. */
@Configuration(proxyBeanMethods = false)
class TargetIncentiveRecordTables {

    @Bean
    RecordTable targetIncentivesTable(DataSource dataSource) {
        return new SqlRecordTable(
                dataSource,
                new SqlRecordTable.Shape(
                        "target_incentives",
                        "target_incentive",
                        List.of("person_id", "period_id"),
                        List.of("target", "base", "currency"),
                        false),
                new SqlRecordTable.Statements("""
                select id, person_id, period_id, target, base, currency from target_incentive""", """
                insert into target_incentive (person_id, period_id, target, base, currency)
                values (:person_id, :period_id, :target, :base, :currency)""", """
                update target_incentive set target = :target, base = :base, currency = :currency,
                    version = version + 1, updated_at = :updated_at
                where id = :id"""));
    }
}
