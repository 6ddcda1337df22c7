package org.attain.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * A database that cannot be reached is told apart from a failure of ours: the person is asked to try again in a
 * moment (503) instead of being given an error id to report. Only what says "no database" counts.
 */
class DatabaseUnreachableTest {

    @Test
    void thePoolFindingNoConnectionIsAnOutage() {
        var timedOut =
                new SQLTransientConnectionException("attain-embedded - Connection is not available, request timed out");
        assertThat(DatabaseUnreachable.in(
                        new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", timedOut)))
                .isTrue();
        assertThat(DatabaseUnreachable.in(timedOut)).isTrue();
    }

    @Test
    void theServerRefusingStoppingOrStartingIsAnOutageHoweverItIsWrapped() {
        assertThat(DatabaseUnreachable.in(new DataAccessResourceFailureException(
                        "StatementCallback", new SQLException("Connection to 127.0.0.1:5432 refused", "08001"))))
                .isTrue();
        assertThat(DatabaseUnreachable.in(
                        new SQLException("An I/O error occurred while sending to the backend.", "08006")))
                .isTrue();
        assertThat(DatabaseUnreachable.in(
                        new SQLException("terminating connection due to administrator command", "57P01")))
                .isTrue();
        assertThat(DatabaseUnreachable.in(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
        SQLException cancelled = new SQLException("canceling statement due to user request", "57014");
        cancelled.addSuppressed(new SQLException("connection refused", "08001"));
        assertThat(DatabaseUnreachable.in(new IllegalStateException("read failed", cancelled)))
                .isTrue();
    }

    @Test
    void failuresOfTheRequestOrOfOurCodeAreNot() {
        assertThat(DatabaseUnreachable.in(new SQLException("duplicate key value", "23505")))
                .isFalse();
        assertThat(DatabaseUnreachable.in(new SQLException("deadlock detected", "40P01")))
                .isFalse();
        assertThat(DatabaseUnreachable.in(new SQLException("canceling statement due to user request", "57014")))
                .isFalse();
        assertThat(DatabaseUnreachable.in(new SQLException("could not extend file", DiskFull.SQL_STATE)))
                .isFalse();
        assertThat(DatabaseUnreachable.in(new IllegalStateException("Connection refused")))
                .isFalse();
        assertThat(DatabaseUnreachable.in(null)).isFalse();
    }
}
