package org.attain.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes opportunities as a CRM knows them, one at a time in the caller's transaction: upserted by
 * (source, external id), the account resolved by its external id (the same source's first). A new or changed one
 * publishes {@link OpportunitiesChanged}.
 */
@Component
public class OpportunityWrites {

    /** A deal as a CRM knows it; {@code ownerId} is a resolved person id, {@code accountExternalId} the CRM's account id. */
    public record Deal(
            String externalId,
            String name,
            String accountExternalId,
            long ownerId,
            String stage,
            String dealType,
            String productCode,
            BigDecimal amount,
            String currency,
            LocalDate createdOn,
            LocalDate closeDate,
            BigDecimal probability) {}

    private final JdbcClient jdbc;
    private final SalesFigures sales;
    private final ApplicationEventPublisher events;

    OpportunityWrites(JdbcClient jdbc, SalesFigures sales, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.sales = sales;
        this.events = events;
    }

    /**
     * Inserts or updates the opportunity; a null name becomes the external id, a null deal type
     * "unspecified", a null creation date the close date and a null probability zero.
     *
     * @return true when the opportunity was new or changed
     */
    public boolean upsert(String source, Deal d) {
        Long accountId = d.accountExternalId() == null
                ? null
                : sales.accountId(d.accountExternalId(), source).orElse(null);
        boolean changed = jdbc.sql("""
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
                        .param("s", source)
                        .param("id", d.externalId())
                        .param("name", d.name() == null ? d.externalId() : d.name())
                        .param("account", accountId)
                        .param("owner", d.ownerId())
                        .param("stage", d.stage())
                        .param("type", d.dealType() == null ? "unspecified" : d.dealType())
                        .param("product", d.productCode())
                        .param("amount", d.amount())
                        .param("currency", d.currency())
                        .param("created", d.createdOn() == null ? d.closeDate() : d.createdOn())
                        .param("close", d.closeDate())
                        .param("p", d.probability() == null ? BigDecimal.ZERO : d.probability())
                        .update()
                > 0;
        if (changed) {
            events.publishEvent(new OpportunitiesChanged(java.util.Set.of(d.ownerId())));
        }
        return changed;
    }
}
