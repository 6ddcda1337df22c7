package org.attain.integration;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.attain.org.People;
import org.attain.sales.AccountWrites;
import org.attain.sales.OpportunityWrites;
import org.attain.sales.SalesFigures;
import org.springframework.stereotype.Component;

/**
 * Accounts and open opportunities from a CRM, upserted by (source, external_id) through sales's
 * {@link AccountWrites} and {@link OpportunityWrites}, and people matched by employee id or e-mail.
 * Won deals do not go through here: they are transactions and take the import load path
 * ({@link org.attain.ingest.TransactionFeed}); their opportunity row is kept too so activities can
 * point at the deal.
 */
@Component
class CrmRecords {

    private final People people;
    private final SalesFigures sales;
    private final AccountWrites accounts;
    private final OpportunityWrites opportunities;

    CrmRecords(People people, SalesFigures sales, AccountWrites accounts, OpportunityWrites opportunities) {
        this.people = people;
        this.sales = sales;
        this.accounts = accounts;
        this.opportunities = opportunities;
    }

    /** People by lower-case employee id and e-mail, for the given references only. */
    Map<String, Long> people(Collection<String> references) {
        return people.idsByKey(references);
    }

    Long person(String reference) {
        return reference == null || reference.isBlank()
                ? null
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
        return accounts.upsert(source, externalId, name, industry, ownerId);
    }

    /** @return true when the opportunity was new or changed */
    boolean upsertDeal(String source, OpportunityWrites.Deal d) {
        return opportunities.upsert(source, d);
    }
}
