package org.attain.sales;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes accounts as a CRM knows them, one at a time in the caller's transaction: upserted by
 * (source, external id), the owner kept when the CRM names none.
 */
@Component
public class AccountWrites {

    private final JdbcClient jdbc;

    AccountWrites(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts or updates the account; a blank name becomes the external id, a null owner keeps the stored one.
     *
     * @return true when the account was new or changed
     */
    public boolean upsert(String source, String externalId, String name, String industry, Long ownerId) {
        return jdbc.sql("""
                insert into account as a (source, external_id, name, industry, owner_id) values (:s, :id, :name, :industry, :owner)
                on conflict (source, external_id) do update set name = excluded.name, industry = excluded.industry,
                    owner_id = coalesce(excluded.owner_id, a.owner_id)
                where (a.name, a.industry, a.owner_id) is distinct from (excluded.name, excluded.industry,
                                                                         coalesce(excluded.owner_id, a.owner_id))""")
                        .param("s", source)
                        .param("id", externalId)
                        .param("name", name == null || name.isBlank() ? externalId : name)
                        .param("industry", industry)
                        .param("owner", ownerId)
                        .update()
                > 0;
    }
}
