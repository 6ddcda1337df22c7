package org.attain.integration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.attain.org.People;
import org.attain.sales.SalesFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Accounts and open opportunities from a CRM, upserted by (source, external_id), and people
 * matched by employee id or e-mail. Won deals do not go through here: they are transactions and
 * take the import load path ({@link org.attain.ingest.TransactionFeed}); their opportunity row is
 * kept too so activities can point at the deal.
 */
@Component
class CrmRecords {

    /** A deal as a CRM knows it; {@code ownerId} is a resolved person id. */
    record Deal(String externalId, String name, String accountExternalId, long ownerId, String stage, String dealType,
            String productCode, BigDecimal amount, String currency, LocalDate createdOn, LocalDate closeDate,
            BigDecimal probability) {
    }

    private final JdbcClient jdbc;
    private final People people;
    private final SalesFigures sales;

    CrmRecords(JdbcClient jdbc, People people, SalesFigures sales) {
        this.jdbc = jdbc;
        this.people = people;
        this.sales = sales;
    }

    /** People by lower-case employee id and e-mail, for the given references only. */
    Map<String, Long> people(Collection<String> references) {
        return people.idsByKey(references);
    }

    Long person(String reference) {
        return reference == null || reference.isBlank() ? null
                : people(java.util.List.of(reference)).get(reference.trim().toLowerCase(Locale.ROOT));
    }

    boolean accountKnown(String source, String externalId) {
        return sales.accountExists(source, externalId);
    }

    boolean dealKnown(String source, String externalId) {
        return sales.opportunityExists(source, externalId);
    }

    /** @return true when the account was new or changed */
    boolean upsertAccount(String source, String externalId, String name, String industry, Long ownerId) {
        return jdbc.sql("""
                insert into account as a (source, external_id, name, industry, owner_id) values (:s, :id, :name, :industry, :owner)
                on conflict (source, external_id) do update set name = excluded.name, industry = excluded.industry,
                    owner_id = coalesce(excluded.owner_id, a.owner_id)
                where (a.name, a.industry, a.owner_id) is distinct from (excluded.name, excluded.industry,
                                                                         coalesce(excluded.owner_id, a.owner_id))""")
                .param("s", source).param("id", externalId).param("name", name == null || name.isBlank() ? externalId : name)
                .param("industry", industry).param("owner", ownerId).update() > 0;
    }

    /** @return true when the opportunity was new or changed */
    boolean upsertDeal(String source, Deal d) {
        Long accountId = d.accountExternalId() == null ? null : sales.accountId(d.accountExternalId(), source).orElse(null);
        return jdbc.sql("""
                insert into opportunity as o (source, external_id, name, account_id, owner_id, stage, deal_type, product_code,
                                              amount, currency, created_on, close_date, probability)
                values (:s, :id, :name, :account, :owner, :stage, :type, :product, :amount, :currency, :created, :close, :p)
                on conflict (source, external_id) do update set name = excluded.name, account_id = excluded.account_id,
                    owner_id = excluded.owner_id, stage = excluded.stage, deal_type = excluded.deal_type,
                    product_code = excluded.product_code, amount = excluded.amount, currency = excluded.currency,
                    close_date = excluded.close_date, probability = excluded.probability
                where (o.name, o.account_id, o.owner_id, o.stage, o.deal_type, o.product_code, o.amount, o.currency,
                       o.close_date, o.probability)
                      is distinct from (excluded.name, excluded.account_id, excluded.owner_id, excluded.stage,
                       excluded.deal_type, excluded.product_code, excluded.amount, excluded.currency, excluded.close_date,
                       excluded.probability)""")
                .param("s", source).param("id", d.externalId()).param("name", d.name() == null ? d.externalId() : d.name())
                .param("account", accountId).param("owner", d.ownerId()).param("stage", d.stage())
                .param("type", d.dealType() == null ? "unspecified" : d.dealType()).param("product", d.productCode())
                .param("amount", d.amount()).param("currency", d.currency())
                .param("created", d.createdOn() == null ? d.closeDate() : d.createdOn()).param("close", d.closeDate())
                .param("p", d.probability() == null ? BigDecimal.ZERO : d.probability()).update() > 0;
    }
}
