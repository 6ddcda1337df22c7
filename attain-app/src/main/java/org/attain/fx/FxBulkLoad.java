package org.attain.fx;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rates written by the demo seeder, in its transaction. No {@link FxRatesChanged}: the seeder runs the
 * first calculation itself.
 */
@Component
public class FxBulkLoad {

    private final JdbcClient jdbc;

    FxBulkLoad(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One unit of {@code from} is worth {@code rate} units of {@code to} from {@code effectiveFrom} on. */
    public void rate(String from, String to, LocalDate effectiveFrom, BigDecimal rate) {
        jdbc.sql("insert into fx_rate(from_currency, to_currency, effective_from, rate) values (:f, :t, :d, :r)")
                .param("f", from)
                .param("t", to)
                .param("d", effectiveFrom)
                .param("r", rate)
                .update();
    }
}
