package org.attain.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Sales' public read of the pipeline for forecasting: the opportunities closing in a date range (open, won and
 * lost alike, the reader decides what each stage means) and the current stage of given opportunities.
 */
@Service
public class Pipeline {

    /** An opportunity as it stands now. */
    public record Opportunity(
            long id,
            String externalId,
            String name,
            long ownerId,
            String stage,
            BigDecimal amount,
            String currency,
            LocalDate createdOn,
            LocalDate closeDate) {}

    private final JdbcClient jdbc;

    Pipeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The opportunities with a close date in [from, to] (both included), by close date and id. */
    public List<Opportunity> closingBetween(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select id, external_id, name, owner_id, stage, amount, currency, created_on, close_date from opportunity
                where close_date between :from and :to order by close_date, id""")
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new Opportunity(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getBigDecimal(6),
                        rs.getString(7),
                        rs.getObject(8, LocalDate.class),
                        rs.getObject(9, LocalDate.class)))
                .list();
    }

    /** The current stage of each of these opportunities that still exists. */
    public Map<Long, String> stagesOf(Collection<Long> ids) {
        Map<Long, String> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("select id, stage from opportunity where id = any(:ids)")
                .param("ids", ids.toArray(Long[]::new))
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getString(2));
                });
        return out;
    }

    /** The creation day of each of these opportunities that still exists (how old a deal is, for forecasting). */
    public Map<Long, LocalDate> createdOn(Collection<Long> ids) {
        Map<Long, LocalDate> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("select id, created_on from opportunity where id = any(:ids) and created_on is not null")
                .param("ids", ids.toArray(Long[]::new))
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getObject(2, LocalDate.class));
                });
        return out;
    }

    /** One opportunity by id. */
    public java.util.Optional<Opportunity> find(long id) {
        return jdbc.sql("""
                select id, external_id, name, owner_id, stage, amount, currency, created_on, close_date from opportunity
                where id = :id""")
                .param("id", id)
                .query((rs, n) -> new Opportunity(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getBigDecimal(6),
                        rs.getString(7),
                        rs.getObject(8, LocalDate.class),
                        rs.getObject(9, LocalDate.class)))
                .optional();
    }
}
