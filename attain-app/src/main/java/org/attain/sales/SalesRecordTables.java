package org.attain.sales;

import java.util.List;
import javax.sql.DataSource;
import org.attain.records.RecordTable;
import org.attain.records.SqlRecordTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Accounts, products and opportunities as imports upsert them (see {@link RecordTable}): accounts and
 * opportunities by (source, external id), products by code. Account writes take the sales advisory lock and
 * a change number by their triggers, like every other writer's.
 */
@Configuration(proxyBeanMethods = false)
class SalesRecordTables {

    @Bean
    RecordTable accountsTable(DataSource dataSource) {
        return new SqlRecordTable(
                dataSource,
                new SqlRecordTable.Shape(
                        "accounts",
                        "account",
                        List.of("external_id"),
                        List.of(
                                "name",
                                "industry",
                                "country",
                                "postal_code",
                                "size_band",
                                "employees",
                                "region_id",
                                "owner_id",
                                "potential",
                                "potential_currency"),
                        true),
                new SqlRecordTable.Statements("""
                select id, external_id, name, industry, country, postal_code, size_band, employees, region_id, owner_id,
                       potential, potential_currency
                from account where source = :source""", """
                insert into account (source, external_id, name, industry, country, postal_code, size_band, employees, region_id,
                                     owner_id, potential, potential_currency)
                values (:source, :external_id, :name, :industry, :country, :postal_code, :size_band, :employees, :region_id,
                        :owner_id, :potential, :potential_currency)""", """
                update account set name = :name, industry = :industry, country = :country, postal_code = :postal_code,
                    size_band = :size_band,
                    employees = :employees, region_id = :region_id, owner_id = :owner_id, potential = :potential,
                    potential_currency = :potential_currency
                where id = :id"""));
    }

    @Bean
    RecordTable productsTable(DataSource dataSource) {
        return new SqlRecordTable(
                dataSource,
                new SqlRecordTable.Shape("products", "product", List.of("code"), List.of("name", "family"), false),
                new SqlRecordTable.Statements("""
                select id, code, name, family from product""", """
                insert into product (code, name, family) values (:code, :name, :family)""", """
                update product set name = :name, family = :family where id = :id"""));
    }

    @Bean
    RecordTable opportunitiesTable(DataSource dataSource) {
        return new SqlRecordTable(
                dataSource,
                new SqlRecordTable.Shape(
                        "opportunities",
                        "opportunity",
                        List.of("external_id"),
                        List.of(
                                "name",
                                "account_id",
                                "owner_id",
                                "stage",
                                "deal_type",
                                "product_code",
                                "amount",
                                "currency",
                                "created_on",
                                "close_date",
                                "probability"),
                        true),
                new SqlRecordTable.Statements("""
                select id, external_id, name, account_id, owner_id, stage, deal_type, product_code, amount, currency, created_on,
                       close_date, probability
                from opportunity where source = :source""", """
                insert into opportunity (source, external_id, name, account_id, owner_id, stage, deal_type, product_code, amount,
                                         currency, created_on, close_date, probability)
                values (:source, :external_id, :name, :account_id, :owner_id, :stage, :deal_type, :product_code, :amount,
                        :currency, :created_on, :close_date, :probability)""", """
                update opportunity set name = :name, account_id = :account_id, owner_id = :owner_id, stage = :stage,
                    deal_type = :deal_type, product_code = :product_code, amount = :amount, currency = :currency,
                    created_on = :created_on, close_date = :close_date, probability = :probability
                where id = :id"""));
    }
}
