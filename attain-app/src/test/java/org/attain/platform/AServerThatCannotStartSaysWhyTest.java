package org.attain.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;

/**
 * A second server on a data folder another Attain holds stops with Spring Boot's short "description /
 * action" report naming the folder and what to do, not with the exception's frames.
 */
class AServerThatCannotStartSaysWhyTest {

    @Test
    void theFolderInUseIsReportedWithWhatToDo() throws Exception {
        Path data = Files.createTempDirectory("attain-in-use-");
        Files.createDirectories(data.resolve("pg"));
        try (var channel = java.nio.channels.FileChannel.open(
                data.resolve("pg.lock"),
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE)) {
            // The owner is another process in real life; in one JVM the overlap is refused the same way.
            try (var held = channel.lock()) {
                RuntimeException refused = null;
                try {
                    new EmbeddedPostgresServer(data, Map.of()).start();
                } catch (RuntimeException e) {
                    refused = e;
                }
                var analysis = new StartFailureAnalyzer()
                        .analyze(new BeanCreationException("embeddedPostgres", "failed", refused));

                assertThat(analysis).isNotNull();
                assertThat(analysis.getDescription())
                        .startsWith("Another Attain is running on the data folder " + data)
                        .contains("--attain.data-dir");
            }
        }
    }

    @Test
    void otherFailuresKeepSpringBootsOwnReport() {
        assertThat(new StartFailureAnalyzer().analyze(new BeanCreationException("plans", "a bug")))
                .isNull();
    }
}
