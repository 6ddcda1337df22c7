package org.attain.fx;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The exchange rates, read by whoever needs them (a run, reports): the only reader of {@code fx_rate}. */
@Service
public class FxRates {

    /** One unit of {@code from} is worth {@code rate} units of {@code to} from {@code effectiveFrom} on. */
    public record Rate(String fromCurrency, String toCurrency, LocalDate effectiveFrom, BigDecimal rate) {}

    private final JdbcClient jdbc;

    FxRates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every rate (a few per currency pair and month: small enough to read whole). */
    public List<Rate> all() {
        return jdbc.sql("select from_currency, to_currency, effective_from, rate from fx_rate")
                .query((rs, n) -> new Rate(
                        rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getBigDecimal(4)))
                .list();
    }
}
