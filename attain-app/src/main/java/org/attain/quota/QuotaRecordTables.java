package org.attain.quota;

import java.util.List;
import javax.sql.DataSource;
import org.attain.records.RecordTable;
import org.attain.records.SqlRecordTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Quotas as imports upsert them (see {@link RecordTable}): by (person, period, measure); a change bumps the row's version. */
@Configuration(proxyBeanMethods = false)
class QuotaRecordTables {

    @Bean
    RecordTable quotasTable(DataSource dataSource) {
        return new SqlRecordTable(
                dataSource,
                new SqlRecordTable.Shape(
                        "quotas",
                        "quota",
                        List.of("person_id", "period_id", "measure"),
                        List.of("amount", "currency", "prorate"),
                        false),
                new SqlRecordTable.Statements("""
                select id, person_id, period_id, measure, amount, currency, prorate from quota""", """
                insert into quota (person_id, period_id, measure, amount, currency, prorate)
                values (:person_id, :period_id, :measure, :amount, :currency, :prorate)""", """
                update quota set amount = :amount, currency = :currency, prorate = :prorate, version = version + 1,
                    updated_at = :updated_at
                where id = :id"""));
    }
}
