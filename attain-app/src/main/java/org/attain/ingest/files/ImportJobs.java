package org.attain.ingest.files;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.attain.ingest.Bounds;
import org.attain.ingest.ImportFailedException;
import org.attain.ingest.ImportOutcome;
import org.attain.ingest.ImportProgress;
import org.attain.ingest.Imports;
import org.attain.ingest.profiles.ImportProfile;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Runs imports in the background so a page or API call returns at once with the import's id and
 * can follow its progress. Uploaded files are kept under the data folder until their import ends.
 */
@Service
public class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    /** A running or recently finished import as its followers see it. */
    public record Job(long id, ImportProgress progress, ImportOutcome outcome, String error) {}

    private final Imports imports;
    private final Path uploads;
    private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
    // One import at a time: two big loads in parallel would only fight over the same disk and table.
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "attain-import");
        t.setDaemon(true);
        return t;
    });

    ImportJobs(Imports imports, @Value("${attain.data-dir:./data}") String dataDir) {
        this.imports = imports;
        this.uploads = Path.of(dataDir).toAbsolutePath().normalize().resolve("imports");
    }

    /** Keeps the upload on disk (never in memory) and starts importing it; returns the import id. */
    public long start(ImportProfile profile, InputStream file, String fileName, String actor, boolean dryRun)
            throws IOException {
        Files.createDirectories(uploads);
        long id = imports.reserveId();
        Path stored = uploads.resolve(id + "-" + safe(fileName));
        Files.copy(file, stored, StandardCopyOption.REPLACE_EXISTING);
        return submit(id, progress -> {
            try {
                return imports.importFile(
                        id, new Imports.FileImport(profile, stored, fileName, actor, dryRun), progress);
            } finally {
                deleteQuietly(stored);
            }
        });
    }

    public long replay(long ofImport, String actor) {
        long id = imports.reserveId();
        return submit(id, progress -> imports.replay(id, ofImport, actor, progress));
    }

    public Optional<Job> job(long id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private long submit(long id, java.util.function.Function<ImportProgress, ImportOutcome> work) {
        ImportProgress progress = new ImportProgress();
        jobs.put(id, new Job(id, progress, null, null));
        executor.submit(() -> {
            try {
                jobs.put(id, new Job(id, progress, work.apply(progress), null));
            } catch (RuntimeException e) {
                if (!(e instanceof ImportFailedException)) {
                    log.error("Import {} failed", id, e);
                }
                jobs.put(id, new Job(id, progress, null, e.getMessage()));
            }
        });
        return id;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** The name to store an upload under: letters, digits, dot, dash and underscore only, never a path; never fails. */
    public static String safe(String fileName) {
        String name = lastPart(fileName == null ? "" : fileName).replaceAll("[^A-Za-z0-9._-]", "_");
        if (name.length() > 120) {
            name = name.substring(name.length() - 120); // the end keeps the extension that decides csv or xlsx
        }
        return name.isEmpty() || name.chars().allMatch(c -> c == '.') ? "upload" : name;
    }

    /**
     * The name an upload is shown and imported under: the last part of the path a browser may send, "upload" when
     * none is sent. A name that names no file ("/", "..") or cannot be stored is refused: it would be shown everywhere.
     */
    public static String uploadName(String original) {
        Bounds.Refusal refusal = badUploadName(original);
        if (refusal != null) {
            throw new InvalidInputException(new FieldProblem("file", refusal.code(), refusal.english()));
        }
        return original == null || original.isBlank()
                ? "upload"
                : lastPart(original).strip();
    }

    /** Why an upload's name is refused, or null. */
    public static Bounds.Refusal badUploadName(String original) {
        if (original == null || original.isBlank()) {
            return null;
        }
        String name = lastPart(original).strip();
        int control = Bounds.controlAt(name);
        return name.isEmpty() || name.chars().allMatch(c -> c == '.')
                ? new Bounds.Refusal("ingest.upload.noName", Bounds.shown(original))
                : name.length() > 255
                        ? new Bounds.Refusal("ingest.upload.nameLength", name.length(), 255)
                        : control >= 0
                                ? new Bounds.Refusal("ingest.upload.nameCharacter", Bounds.codePoint(name, control))
                                : null;
    }

    private static String lastPart(String path) {
        String p = path.replace('\\', '/');
        return p.substring(p.lastIndexOf('/') + 1);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the upload {}: {}", file, e.getMessage());
        }
    }
}
