package org.attain.fx;

import java.util.List;
import javax.sql.DataSource;
import org.attain.records.RecordTable;
import org.attain.records.SqlRecordTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** FX rates as imports upsert them (see {@link RecordTable}): by (from currency, to currency, effective from). */
@Configuration(proxyBeanMethods = false)
class FxRecordTables {

    @Bean
    RecordTable fxRatesTable(DataSource dataSource) {
        return new SqlRecordTable(
                dataSource,
                new SqlRecordTable.Shape(
                        "fx_rates",
                        "fx_rate",
                        List.of("from_currency", "to_currency", "effective_from"),
                        List.of("rate"),
                        false),
                new SqlRecordTable.Statements("""
                select id, from_currency, to_currency, effective_from, rate from fx_rate""", """
                insert into fx_rate (from_currency, to_currency, effective_from, rate)
                values (:from_currency, :to_currency, :effective_from, :rate)""", """
                update fx_rate set rate = :rate where id = :id"""));
    }
}
