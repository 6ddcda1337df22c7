package org.attain.pay;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.attain.calc.PackedDeals;
import org.attain.engine.calc.Contribution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Pay's public read of commissions per deal, for commission expense: every current earnings line of the given
 * periods that names deals, its amount split over those deals in proportion to what each deal earned in the
 * line (the explained deals' full-precision amounts; equally when a line's deals carry no amounts), to the cent
 * with the largest remainders taking the leftover cents, so a line's shares add up to the line exactly. Lines
 * naming no deal (a bonus on attainment) come back once with a null transaction id. Reads calc's views.
 */
@Service
public class DealCommissions {

    /** The part of one earnings line paid for one deal ({@code transactionId} null: the line names no deal). */
    public record Share(
            long personId,
            String periodId,
            String planKey,
            String component,
            String transactionId,
            BigDecimal amount,
            String currency) {}

    private final JdbcClient jdbc;

    DealCommissions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Share> ofPeriods(Collection<String> periodIds) {
        List<Share> out = new ArrayList<>();
        jdbc.sql("""
                select r.person_id, r.period_id, l.plan_key, l.component, l.amount, r.currency, l.qualifying,
                       l.qualifying_in_pack, l.packed_deals
                from calc_current_result_v r join calc_earnings_line_v l on l.result_id = r.id and l.period_id = r.period_id
                where r.period_id = any(:periods) and l.amount <> 0
                order by r.period_id, r.person_id, l.line_no""").param("periods", periodIds.toArray(String[]::new)).query(rs -> {
            byte[] packed = rs.getBytes(9);
            List<String> ids;
            List<BigDecimal> weights = null;
            if (packed != null && PackedDeals.holdsTraces(packed)) {
                List<Contribution> deals = PackedDeals.contributions(packed, Integer.MAX_VALUE);
                ids = deals.stream().map(c -> c.transaction().value()).toList();
                weights = deals.stream().map(Contribution::amount).toList();
            } else if (rs.getBoolean(8) && packed != null) {
                ids = PackedDeals.transactionIds(packed);
            } else {
                ids = List.of((String[]) rs.getArray(7).getArray());
            }
            long person = rs.getLong(1);
            String period = rs.getString(2);
            String plan = rs.getString(3);
            String component = rs.getString(4);
            BigDecimal amount = rs.getBigDecimal(5).setScale(2, RoundingMode.HALF_EVEN);
            String currency = rs.getString(6);
            if (ids.isEmpty()) {
                out.add(new Share(person, period, plan, component, null, amount, currency));
                return;
            }
            List<BigDecimal> parts = split(amount, weights, ids.size());
            for (int i = 0; i < ids.size(); i++) {
                out.add(new Share(person, period, plan, component, ids.get(i), parts.get(i), currency));
            }
        });
        return out;
    }

    /** {@code amount} in cents over n parts by weight (equal when the weights are missing or add to zero). */
    static List<BigDecimal> split(BigDecimal amount, List<BigDecimal> weights, int n) {
        BigDecimal total =
                weights == null ? BigDecimal.ZERO : weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean equal = total.signum() == 0;
        long cents = amount.movePointRight(2).longValueExact();
        long[] floor = new long[n];
        BigDecimal[] rest = new BigDecimal[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            BigDecimal exact = equal
                    ? BigDecimal.valueOf(cents).divide(BigDecimal.valueOf(n), 10, RoundingMode.HALF_EVEN)
                    : BigDecimal.valueOf(cents).multiply(weights.get(i)).divide(total, 10, RoundingMode.HALF_EVEN);
            floor[i] = exact.setScale(0, RoundingMode.FLOOR).longValueExact();
            rest[i] = exact.subtract(BigDecimal.valueOf(floor[i]));
            given += floor[i];
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(
                order, (a, b) -> rest[b].compareTo(rest[a]) != 0 ? rest[b].compareTo(rest[a]) : Integer.compare(a, b));
        long left = cents - given;
        for (int k = 0; left > 0; k = (k + 1) % n, left--) {
            floor[order[k]]++;
        }
        for (int k = 0; left < 0; k = (k + 1) % n, left++) {
            floor[order[n - 1 - k]]--;
        }
        List<BigDecimal> parts = new ArrayList<>(n);
        for (long c : floor) {
            parts.add(BigDecimal.valueOf(c, 2));
        }
        return parts;
    }
}
