package org.attain.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/** A full disk is recognised however it is wrapped, and only a full disk. */
class DiskFullTest {

    @Test
    void postgresDiskFullBehindSpringsWrapperIsAFullDisk() {
        var refused = new DataAccessResourceFailureException(
                "PreparedStatementCallback", new SQLException("could not extend file \"base/5/1\"", "53100"));
        assertThat(DiskFull.in(refused)).isTrue();
    }

    @Test
    void theOperatingSystemsNoSpaceLeftIsAFullDiskAlsoWhenSuppressed() {
        IOException enospc = new IOException("No space left on device");
        assertThat(DiskFull.in(new UncheckedIOException("backup failed", enospc)))
                .isTrue();
        SQLException cancelled = new SQLException("canceling statement due to user request", "57014");
        cancelled.addSuppressed(enospc);
        assertThat(DiskFull.in(cancelled)).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DiskFull.in(new SQLException("deadlock detected", "40P01"))).isFalse();
        assertThat(DiskFull.in(new IOException("Connection reset"))).isFalse();
        assertThat(DiskFull.in(new IllegalStateException("No space left on device")))
                .isFalse();
        assertThat(DiskFull.in(null)).isFalse();
        assertThat(DiskFull.in("No space left on device")).isFalse();
    }

    @Test
    void theCommandLineSaysTheDiskIsFullAndWhatToDo() {
        String line = CliFailure.describe(new UncheckedIOException(
                "backup to /backups/a.zip failed: No space left on device",
                new IOException("No space left on device")));
        assertThat(line).startsWith("the disk is full: ").contains("/backups/a.zip", "free some space");
    }
}
