package org.attain.ingest.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Uploads of imports that a killed Attain was running are removed at the next start; nothing else is. */
class InterruptedUploadsTest {

    private Path dataDir;
    private Path imports;

    @BeforeEach
    void folder() throws IOException {
        dataDir = Files.createTempDirectory("recovery-uploads-");
        imports = Files.createDirectories(dataDir.resolve("imports"));
        Files.writeString(imports.resolve("17-crm-deals.csv"), "Opportunity ID,Amount\n006A1,100\n");
        Files.writeString(imports.resolve("18-people.xlsx"), "not really a workbook");
        Files.createDirectories(imports.resolve("pending"));
        Files.writeString(imports.resolve("pending/3f1c2a9e-0d4b-4c55-9a55-1b2c3d4e5f60-deals.csv"), "a preview\n");
        Files.writeString(imports.resolve("notes.txt"), "someone's own file\n");
    }

    @AfterEach
    void remove() throws IOException {
        try (Stream<Path> all = Files.walk(dataDir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void theUploadsOfKilledImportsAreRemovedAndPreviewsAndOtherFilesKept() {
        InterruptedUploads cleaner = new InterruptedUploads(dataDir.toString());
        try {
            assertThat(imports.resolve("17-crm-deals.csv")).doesNotExist();
            assertThat(imports.resolve("18-people.xlsx")).doesNotExist();
            assertThat(imports.resolve("pending/3f1c2a9e-0d4b-4c55-9a55-1b2c3d4e5f60-deals.csv"))
                    .exists();
            assertThat(imports.resolve("notes.txt")).exists();
        } finally {
            cleaner.release();
        }
    }

    @Test
    void whileAnotherAttainHoldsTheFolderItsUploadsAreLeftAlone() throws IOException {
        try (FileChannel channel = FileChannel.open(
                        imports.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = channel.lock()) {
            InterruptedUploads cleaner = new InterruptedUploads(dataDir.toString());
            cleaner.release();
            assertThat(imports.resolve("17-crm-deals.csv")).exists();
            assertThat(imports.resolve("18-people.xlsx")).exists();
        }
    }
}
