package org.attain.sales;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Sales' public read of contract terms for commission expense: for booked transactions (by the transaction id
 * the engine and earnings lines use: the external id, prefixed with {@code source:} outside Attain's own
 * source), the term in months ({@code term_months}, or the attribute of that name), when the contract starts
 * (the attribute {@code contract_start}, else the close date) and when it was cancelled (a CANCELLATION that
 * reverses it, or the attribute {@code cancelled_on}); a malformed attribute counts as absent.
 */
@Service
public class ContractTerms {

    public record Term(String transactionId, LocalDate startsOn, Integer termMonths, LocalDate cancelledOn) {}

    private static final String TERMS = """
                select case when t.source = 'attain' then t.external_id else t.source || ':' || t.external_id end,
                       case when t.attributes->>'contract_start' ~ '^\\d{4}-\\d{2}-\\d{2}$'
                            then cast(t.attributes->>'contract_start' as date) else t.close_date end,
                       coalesce(t.term_months, case when t.attributes->>'term_months' ~ '^\\d{1,4}$'
                                                    then cast(t.attributes->>'term_months' as int) end),
                       least((select min(c.close_date) from sales_transaction c
                              where c.kind = 'CANCELLATION' and c.source = t.source
                                and c.attributes->>'reverses_id' = t.external_id),
                             case when t.attributes->>'cancelled_on' ~ '^\\d{4}-\\d{2}-\\d{2}$'
                                  then cast(t.attributes->>'cancelled_on' as date) end)
                from sales_transaction t
                where t.kind <> 'CANCELLATION'
                  and (t.external_id = any(:ids) or t.source || ':' || t.external_id = any(:ids))""";

    private final JdbcClient jdbc;

    ContractTerms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Term> of(Collection<String> transactionIds) {
        Map<String, Term> out = new HashMap<>();
        if (transactionIds.isEmpty()) {
            return out;
        }
        jdbc.sql(TERMS).param("ids", transactionIds.toArray(String[]::new)).query(rs -> {
            Term t = new Term(
                    rs.getString(1),
                    rs.getObject(2, LocalDate.class),
                    rs.getObject(3, Integer.class),
                    rs.getObject(4, LocalDate.class));
            out.put(t.transactionId(), t);
        });
        return out;
    }
}
