package org.attain.calc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.attain.engine.calc.EarningsLine;
import org.attain.engine.calc.PayeePeriodResult;
import org.attain.engine.calc.PlanPeriodResult;
import org.attain.engine.money.Money;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Why a payee was left out of a run. One payee's inputs (an absurd amount, a value PostgreSQL cannot
 * store) must never cost everyone else their results: the run skips that payee, keeps their previous
 * results current and lists them with a reason (a message key of the pay bundle and its arguments).
 */
final class PayeeProblems {

    /** One payee left out: {@code reason} is a message key, {@code args} its arguments. */
    record Problem(long personId, String reason, List<String> args) {}

    /** The largest magnitude numeric(19,4) holds (money columns of the result tables) is below this. */
    private static final BigDecimal MONEY_LIMIT = new BigDecimal("1E15");
    /** payee_period_result.attainment is numeric(38,10) (migration 2026.12.05.10). */
    private static final BigDecimal ATTAINMENT_LIMIT = new BigDecimal("1E28");

    private PayeeProblems() {}

    static Problem engine(long personId, RuntimeException e) {
        return new Problem(personId, "runs.failed.engine", List.of(describe(e)));
    }

    /** The engine failed on the payee elsewhere (a Spark executor) with this cause, in one line. */
    static Problem engine(long personId, String cause) {
        return new Problem(personId, "runs.failed.engine", List.of(cause));
    }

    static Problem storing(long personId, Exception e) {
        return new Problem(personId, "runs.failed.storing", List.of(describe(e)));
    }

    /**
     * The first value of a result the result tables cannot hold, checked before anything is written:
     * the writer would otherwise fail on the whole chunk with "numeric field overflow". Money
     * columns are numeric(19,4) (values are rounded to 4 decimals when stored); attainment has room
     * for any measure of bounded amounts over the smallest quota (0.0001).
     */
    static Optional<Problem> outOfRange(PayeePeriodResult s) {
        long person = CalcRuns.personIdOf(s);
        String period = s.period().toString();
        if (tooLarge(s.earnings().amount())) {
            return Optional.of(tooLarge(person, "earnings", period, s.earnings().amount()));
        }
        if (tooLarge(s.payout().amount())) {
            return Optional.of(tooLarge(person, "payout", period, s.payout().amount()));
        }
        PlanPeriodResult quotaPlan = s.quotaPlan().orElse(null);
        if (quotaPlan != null
                && quotaPlan.quota() != null
                && tooLarge(quotaPlan.quota().amount())) {
            return Optional.of(
                    tooLarge(person, "quota", period, quotaPlan.quota().amount()));
        }
        if (quotaPlan != null
                && quotaPlan.attainment() != null
                && quotaPlan
                                .attainment()
                                .setScale(10, RoundingMode.HALF_EVEN)
                                .abs()
                                .compareTo(ATTAINMENT_LIMIT)
                        >= 0) {
            return Optional.of(tooLarge(person, "attainment", period, quotaPlan.attainment()));
        }
        for (EarningsLine line : s.lines()) {
            Money uncapped = line.uncapped();
            BigDecimal wrong = tooLarge(line.amount().amount())
                    ? line.amount().amount()
                    : uncapped != null && tooLarge(uncapped.amount()) ? uncapped.amount() : null;
            if (wrong != null) {
                return Optional.of(new Problem(
                        person, "runs.failed.tooLarge.line", List.of(period, wrong.toPlainString(), line.component())));
            }
        }
        return Optional.empty();
    }

    private static boolean tooLarge(BigDecimal money) {
        return money.setScale(4, RoundingMode.HALF_EVEN).abs().compareTo(MONEY_LIMIT) >= 0;
    }

    private static Problem tooLarge(long person, String field, String period, BigDecimal value) {
        return new Problem(person, "runs.failed.tooLarge." + field, List.of(period, value.toPlainString()));
    }

    /**
     * Whether a failure to store results comes from the values of the rows (a data exception or a
     * broken constraint, SQLSTATE classes 22 and 23, or a value {@link org.attain.platform.CopyText}
     * refuses), so storing them payee by payee finds whose they are. Anything else (the database gone,
     * out of disk) is everyone's problem and fails the run.
     */
    static boolean fromTheValues(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException) {
                return true;
            }
            if (t instanceof SQLException s
                    && s.getSQLState() != null
                    && (s.getSQLState().startsWith("22") || s.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    /** The cause in one line: the server's message and where (table, column) rather than the driver's wrapping. */
    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException p && p.getServerErrorMessage() != null) {
                ServerErrorMessage m = p.getServerErrorMessage();
                String where = m.getWhere();
                return m.getMessage()
                        + (where == null ? "" : " (" + where.lines().findFirst().orElse("") + ")");
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}
