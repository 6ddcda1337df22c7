package org.attain.calc;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the explained deals of one earnings line back from their packed row: a page of them, sliced
 * in SQL so a line with thousands of deals is not read whole to show a hundred.
 */
@Component
public class ExplainedDeals {

    /** The part of one deal's credit that fell into one tier: {@code base x rate}. */
    record Slice(int tier, BigDecimal base, BigDecimal rate) {}

    record Deal(
            int dealNo,
            String transaction,
            LocalDate closeDate,
            String creditRule,
            BigDecimal share,
            BigDecimal credited,
            String currency,
            List<Slice> tiers,
            BigDecimal amount) {}

    /** A page of a line's deals; {@code total} is how many the line has. */
    public record Page(
            long personId,
            String period,
            int line,
            String component,
            BigDecimal lineAmount,
            int total,
            int offset,
            int limit,
            List<Deal> deals) {}

    private final JdbcClient jdbc;

    ExplainedDeals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Deals {@code offset + 1 .. offset + limit} of the line in the payee's current result; empty if there is no such line. */
    public Optional<Page> page(long personId, String period, int line, int offset, int limit) {
        record Packed(String component, BigDecimal amount, byte[] deals, boolean inArrays) {}
        Optional<Packed> packed = jdbc.sql("""
                select l.component, l.amount, p.deals,
                       exists (select 1 from earnings_line_deals d where d.result_id = l.result_id and d.line_no = l.line_no)
                from payee_period_result r
                join earnings_line l on l.result_id = r.id and l.period_id = r.period_id and l.line_no = :line
                left join earnings_line_deal_pack p
                       on p.result_id = coalesce(r.deals_in, r.id) and p.period_id = r.period_id and p.line_no = l.line_no
                where r.person_id = :person and r.period_id = :period and r.is_current""")
                .param("person", personId)
                .param("period", period)
                .param("line", line)
                .query((rs, n) -> new Packed(rs.getString(1), rs.getBigDecimal(2), rs.getBytes(3), rs.getBoolean(4)))
                .optional();
        if (packed.isEmpty() || packed.get().inArrays()) {
            // Runs before the binary format stored their deals as arrays; those read as they always did.
            return packed.isEmpty() ? Optional.empty() : pageFromArrays(personId, period, line, offset, limit);
        }
        Packed p = packed.get();
        if (p.deals() == null) {
            return Optional.of(
                    new Page(personId, period, line, p.component(), p.amount(), 0, offset, limit, List.of()));
        }
        int to = (int) Math.min((long) offset + limit, Integer.MAX_VALUE);
        List<Deal> deals = new ArrayList<>();
        int no = offset;
        for (PackedDeals.Deal d : PackedDeals.unpack(p.deals(), offset, to)) {
            deals.add(new Deal(
                    ++no,
                    d.transaction(),
                    d.closeDate(),
                    d.rule(),
                    d.share(),
                    d.credited(),
                    d.currency(),
                    d.slices().stream()
                            .map(s -> new Slice(s.tier(), s.base(), s.rate()))
                            .toList(),
                    d.amount()));
        }
        return Optional.of(new Page(
                personId, period, line, p.component(), p.amount(), PackedDeals.count(p.deals()), offset, limit, deals));
    }

    private Optional<Page> pageFromArrays(long personId, String period, int line, int offset, int limit) {
        int from = offset + 1;
        int to = (int) Math.min((long) offset + limit, Integer.MAX_VALUE);
        return jdbc.sql("""
                select l.component, l.amount, coalesce(cardinality(d.amounts), 0) as total,
                       d.transaction_ids[k.a : k.b], d.close_dates[k.a : k.b], d.credit_rules[k.a : k.b],
                       d.shares[k.a : k.b], d.credited[k.a : k.b], d.currencies[k.a : k.b], d.amounts[k.a : k.b],
                       d.slice_ends[k.a : k.b], coalesce(d.slice_ends[k.a - 1], 0) as slice_start,
                       d.tiers[coalesce(d.slice_ends[k.a - 1], 0) + 1 : d.slice_ends[least(k.b, cardinality(d.amounts))]],
                       d.tier_bases[coalesce(d.slice_ends[k.a - 1], 0) + 1 : d.slice_ends[least(k.b, cardinality(d.amounts))]],
                       d.tier_rates[coalesce(d.slice_ends[k.a - 1], 0) + 1 : d.slice_ends[least(k.b, cardinality(d.amounts))]]
                from (select cast(:from as int) as a, cast(:to as int) as b) k
                cross join payee_period_result r
                join earnings_line l on l.result_id = r.id and l.period_id = r.period_id and l.line_no = :line
                left join earnings_line_deals d on d.result_id = l.result_id and d.line_no = l.line_no
                where r.person_id = :person and r.period_id = :period and r.is_current""")
                .param("person", personId)
                .param("period", period)
                .param("line", line)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new Page(
                        personId,
                        period,
                        line,
                        rs.getString(1),
                        rs.getBigDecimal(2),
                        rs.getInt(3),
                        offset,
                        limit,
                        deals(rs, from)))
                .optional();
    }

    private static List<Deal> deals(ResultSet rs, int firstDealNo) throws SQLException {
        String[] ids = array(rs.getArray(4), String[].class);
        if (ids == null || ids.length == 0) {
            return List.of();
        }
        java.sql.Date[] dates = array(rs.getArray(5), java.sql.Date[].class);
        String[] rules = array(rs.getArray(6), String[].class);
        BigDecimal[] shares = array(rs.getArray(7), BigDecimal[].class);
        BigDecimal[] credited = array(rs.getArray(8), BigDecimal[].class);
        String[] currencies = array(rs.getArray(9), String[].class);
        BigDecimal[] amounts = array(rs.getArray(10), BigDecimal[].class);
        Integer[] sliceEnds = array(rs.getArray(11), Integer[].class);
        int sliceStart = rs.getInt(12);
        Integer[] tiers = orEmpty(array(rs.getArray(13), Integer[].class), Integer[].class);
        BigDecimal[] bases = orEmpty(array(rs.getArray(14), BigDecimal[].class), BigDecimal[].class);
        BigDecimal[] rates = orEmpty(array(rs.getArray(15), BigDecimal[].class), BigDecimal[].class);
        List<Deal> out = new ArrayList<>(ids.length);
        int slice = sliceStart;
        for (int i = 0; i < ids.length; i++) {
            List<Slice> slices = new ArrayList<>();
            for (; slice < sliceEnds[i]; slice++) {
                int k = slice - sliceStart;
                slices.add(new Slice(tiers[k], bases[k], rates[k]));
            }
            out.add(new Deal(
                    firstDealNo + i,
                    ids[i],
                    dates[i] == null ? null : dates[i].toLocalDate(),
                    rules[i],
                    shares[i],
                    credited[i],
                    currencies[i],
                    slices,
                    amounts[i]));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] orEmpty(T[] values, Class<T[]> type) {
        return values != null ? values : (T[]) java.lang.reflect.Array.newInstance(type.getComponentType(), 0);
    }

    private static <T> T array(Array array, Class<T> type) throws SQLException {
        return array == null ? null : type.cast(array.getArray());
    }
}
