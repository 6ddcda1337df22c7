package org.attain.ingest.files;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Removes, at start-up, the uploads of imports a killed Attain was running. {@link ImportJobs} keeps
 * an upload as {@code imports/<import id>-<name>} only while its import runs and deletes it when the
 * import ends; nothing else refers to it (an import record keeps the user's file name, a replay reads
 * the quarantine from the database). So when no other process uses the folder, every such file is
 * left over from a process that died: its import's transaction was rolled back with it, and no
 * record will ever need the file. The folder's lock is held for this process's life; when another
 * live Attain holds it (two instances started on one data folder), nothing is removed.
 * Previews waiting in {@code imports/pending/} are not imports yet and are left as they are.
 *
 * <p>It runs while the application context starts, before the web server takes requests, so no
 * upload of this process can be in the folder yet.
 */
@Component
class InterruptedUploads {

    private static final Logger log = LoggerFactory.getLogger(InterruptedUploads.class);
    private static final Pattern UPLOAD = Pattern.compile("\\d+-.+");

    private final Path uploads;
    private FileChannel channel;
    private FileLock lock;

    InterruptedUploads(@Value("${attain.data-dir:./data}") String dataDir) {
        this.uploads = Path.of(dataDir).toAbsolutePath().normalize().resolve("imports");
        List<Path> removed = clean();
        if (!removed.isEmpty()) {
            log.warn(
                    "Removed {} uploads of imports interrupted when Attain stopped: {}",
                    removed.size(),
                    removed.stream().map(p -> p.getFileName().toString()).toList());
        }
    }

    /** Takes the folder's lock and removes what killed imports left; returns the files removed. */
    List<Path> clean() {
        try {
            Files.createDirectories(uploads);
        } catch (IOException e) {
            log.warn("Could not create {}: {}", uploads, e.getMessage());
            return List.of();
        }
        if (!lockFolder()) {
            return List.of();
        }
        List<Path> removed = new ArrayList<>();
        try (Stream<Path> files = Files.list(uploads)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> UPLOAD.matcher(f.getFileName().toString()).matches())
                    .toList()) {
                Files.deleteIfExists(file);
                removed.add(file);
            }
        } catch (IOException e) {
            log.warn("Could not clean the uploads in {}: {}", uploads, e.getMessage());
        }
        return removed;
    }

    private boolean lockFolder() {
        if (lock != null) {
            return true;
        }
        try {
            channel = FileChannel.open(uploads.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            log.warn("Could not lock {}: {}", uploads, e.getMessage());
            lock = null;
        }
        if (lock == null) {
            log.info("Another Attain uses {}; its uploads are left alone", uploads);
            closeChannel();
            return false;
        }
        return true;
    }

    @PreDestroy
    void release() {
        try {
            if (lock != null) {
                lock.release();
            }
        } catch (IOException e) {
            // released with the channel below, or by the operating system when the process ends
        }
        lock = null;
        closeChannel();
    }

    private void closeChannel() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // nothing held
        }
        channel = null;
    }
}
