package org.attain.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.file.AccessDeniedException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** What a command prints when it fails: one line that says what happened and what to do, whatever the wrapping. */
class CliFailureTest {

    private static RuntimeException springWrapped(Throwable cause) {
        // Spring repeats the inner message in every layer of "Error creating bean".
        RuntimeException inner =
                new IllegalStateException("Error creating bean with name 'flyway': " + cause.getMessage(), cause);
        return new IllegalStateException("Error creating bean with name 'jdbcClient': " + inner.getMessage(), inner);
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsNamedWithWhereToLook() {
        SQLException refused = new SQLException(
                "Connection to localhost:5999 refused.", "08001", new ConnectException("Connection refused"));

        String line = CliFailure.describe(springWrapped(refused));

        assertThat(line)
                .isEqualTo("the database does not answer: Connection to localhost:5999 refused. "
                        + "(check ATTAIN_DB_URL or spring.datasource.url, and that PostgreSQL runs)");
    }

    @Test
    void aRefusedLoginPointsAtTheCredentials() {
        assertThat(CliFailure.describe(
                        springWrapped(new SQLException("password authentication failed for user \"x\"", "28P01"))))
                .startsWith("the database refused the login: password authentication failed")
                .contains("ATTAIN_DB_PASSWORD");
    }

    @Test
    void aFolderWithoutPermissionSaysWhichAndWhatToDo() {
        String line = CliFailure.describe(new UncheckedIOException(new AccessDeniedException("/srv/attain/data/logs")));

        assertThat(line)
                .startsWith("no permission to write /srv/attain/data/logs")
                .contains("--attain.data-dir");
    }

    @Test
    void aCommandsOwnReasonIsPrintedAsItIs() {
        assertThat(CliFailure.describe(springWrapped(new CliException("Attain is running; wait and try again."))))
                .isEqualTo("Attain is running; wait and try again.");
    }

    @Test
    void anythingElseIsItsCausesOnOneLineWithoutTheRepeats() {
        RuntimeException failure = springWrapped(
                new UncheckedIOException("could not write the upload", new java.io.IOException("Permission denied")));

        String line = CliFailure.describe(failure);

        assertThat(line)
                .isEqualTo("could not write the upload: Permission denied")
                .doesNotContain("\n");
    }

    @Test
    void aFullDiskIsSaidSoWithWhatToDo() {
        RuntimeException failure = springWrapped(new UncheckedIOException(
                "could not write the upload", new java.io.IOException("No space left on device")));

        assertThat(CliFailure.describe(failure))
                .startsWith("the disk is full")
                .contains("free some space")
                .doesNotContain("\n");
    }
}
