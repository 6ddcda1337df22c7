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

    // The ids are as pay writes them: an Attain deal's own id, else "source:id". Each is looked up by its unique key
    // (source, external_id), and the cancellations are grouped once: matching every deal against the array and
    // scanning the table for each deal's cancellation took minutes once the suite's database had grown.
    private static final String TERMS = """
                with wanted as (select distinct unnest(cast(:ids as text[])) as id),
                cancelled as (
                    select c.source, c.attributes->>'reverses_id' as reverses, min(c.close_date) as on_date
                    from sales_transaction c where c.kind = 'CANCELLATION' group by 1, 2),
                deals as (
                    select distinct on (t.id) t.* from wanted w join sales_transaction t
                      on (t.source = 'attain' and t.external_id = w.id)
                      or (strpos(w.id, ':') > 0 and t.source = split_part(w.id, ':', 1)
                          and t.external_id = substr(w.id, strpos(w.id, ':') + 1))
                    where t.kind <> 'CANCELLATION')
                select case when t.source = 'attain' then t.external_id else t.source || ':' || t.external_id end,
                       case when t.attributes->>'contract_start' ~ '^\\d{4}-\\d{2}-\\d{2}$'
                            then cast(t.attributes->>'contract_start' as date) else t.close_date end,
                       coalesce(t.term_months, case when t.attributes->>'term_months' ~ '^\\d{1,4}$'
                                                    then cast(t.attributes->>'term_months' as int) end),
                       least(x.on_date,
                             case when t.attributes->>'cancelled_on' ~ '^\\d{4}-\\d{2}-\\d{2}$'
                                  then cast(t.attributes->>'cancelled_on' as date) end)
                from deals t left join cancelled x on x.source = t.source and x.reverses = t.external_id""";

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
