package org.attain.ingest.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.attain.ingest.ImportProgress;
import org.attain.ingest.ImportRecords;
import org.attain.ingest.OutsideRun;
import org.attain.ingest.files.ImportJobs;
import org.attain.ingest.profiles.ImportProfile;
import org.attain.ingest.profiles.ProfileException;
import org.attain.platform.FieldProblem;
import org.attain.platform.ForbiddenException;
import org.attain.platform.InvalidInputException;
import org.attain.platform.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** File imports over REST: start one with a profile, follow it, read and fix its quarantine, replay. */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(
        name = "Imports",
        description = "Load CSV/XLSX files with an import profile; quarantine, fix and replay rejected rows")
public class ImportsApi {

    private final ImportJobs jobs;
    private final ImportRecords records;

    ImportsApi(
            ImportJobs jobs,
            ImportRecords records,
            OutsideRun.Counter outsideRun,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.outsideRun = outsideRun;
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.records = records;
    }

    record Started(long id, String status, String statusUrl) {}

    /** An import as the API shows it: the stored record, or the progress while it still runs. */
    record ImportStatus(
            long id,
            String phase,
            int percent,
            long rowsRead,
            ImportRecords.ImportRecord result,
            String error,
            OutsideRun outsideRun) {

        ImportStatus(
                long id, String phase, int percent, long rowsRead, ImportRecords.ImportRecord result, String error) {
            this(id, phase, percent, rowsRead, result, error, null);
        }
    }

    private final OutsideRun.Counter outsideRun;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    record Fix(Map<String, String> cells) {}

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Start an import of a file with a profile (YAML); runs in the background",
            description = "Answers 202 with the import id at once; follow GET /api/v1/imports/{id}. dryRun=true checks "
                    + "and counts everything but saves no transactions.")
    ResponseEntity<Started> start(
            @AuthenticationPrincipal AttainUser user,
            @RequestPart("profile") MultipartFile profile,
            @RequestPart("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        requireImporter(user);
        ImportProfile parsed = profile(profile);
        String name = ImportJobs.uploadName(file.getOriginalFilename());
        try (InputStream in = file.getInputStream()) {
            long id = jobs.start(parsed, in, name, user.getUsername(), dryRun);
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Started(id, "QUEUED", "/api/v1/imports/" + id));
        }
    }

    @GetMapping
    @Operation(summary = "The latest imports, newest first")
    List<ImportRecords.ImportRecord> list(
            @AuthenticationPrincipal AttainUser user, @RequestParam(defaultValue = "50") int limit) {
        requireImporter(user);
        return records.recent(Math.min(Math.max(limit, 1), 500));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Progress of a running import, or the counts of a finished one")
    ImportStatus status(@AuthenticationPrincipal AttainUser user, @PathVariable long id) {
        requireImporter(user);
        var record = records.find(id);
        var job = jobs.job(id);
        if (record.isEmpty() && job.isEmpty()) {
            throw new NotFoundException("import", id);
        }
        boolean running =
                job.isPresent() && job.get().outcome() == null && job.get().error() == null;
        if (running || record.isEmpty()) {
            ImportProgress p = job.get().progress();
            // saved, but what the import set off (a recalculation) still runs: not done for the caller yet
            String phase = p.phase() == ImportProgress.Phase.DONE && running
                    ? ImportProgress.Phase.LOADING.name()
                    : p.phase().name();
            return new ImportStatus(
                    id, phase, p.percent(), p.rows(), null, job.get().error());
        }
        ImportRecords.ImportRecord r = record.get();
        return new ImportStatus(
                id,
                r.status().equals("FAILED") ? "FAILED" : "DONE",
                100,
                r.rowsRead(),
                r,
                r.message(),
                outsideRun.find(jdbc, id));
    }

    @GetMapping("/{id}/quarantine")
    @Operation(summary = "Rejected rows of an import with row number, column, value, reason and suggestion")
    List<ImportRecords.QuarantinedRow> quarantine(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @RequestParam(defaultValue = "1000") int limit) {
        requireImporter(user);
        records.find(id).orElseThrow(() -> new NotFoundException("import", id));
        return records.quarantine(id, Math.min(Math.max(limit, 1), 10_000));
    }

    @PutMapping("/{id}/quarantine/{rowId}")
    @Operation(summary = "Fix cells of a rejected row in place (column name -> new value); replay to load it")
    ImportRecords.QuarantinedRow fix(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @PathVariable long rowId,
            @RequestBody Fix fix) {
        requireImporter(user);
        if (fix == null || fix.cells() == null || fix.cells().isEmpty()) {
            throw new InvalidInputException(
                    new FieldProblem("cells", "ingest.fix.empty", "name at least one column to change"));
        }
        return records.fix(id, rowId, fix.cells(), user.getUsername());
    }

    @PostMapping("/{id}/replay")
    @Operation(
            summary = "Map the open quarantined rows of an import again and load those that now pass",
            description = "Runs as a new import in the background; rows still failing move to its quarantine.")
    ResponseEntity<Started> replay(@AuthenticationPrincipal AttainUser user, @PathVariable long id) {
        requireImporter(user);
        var record = records.find(id).orElseThrow(() -> new NotFoundException("import", id));
        if (record.dryRun() || record.openRows() == 0) {
            throw new InvalidInputException(new FieldProblem(
                    "id",
                    "ingest.replay.nothing",
                    "import " + id + " has no open quarantined rows to replay"
                            + (record.dryRun() ? " (it was a dry run)" : "")));
        }
        long started = jobs.replay(id, user.getUsername());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new Started(started, "QUEUED", "/api/v1/imports/" + started));
    }

    public static void requireImporter(AttainUser user) {
        if (user == null || !(user.has(Role.ADMIN) || user.has(Role.COMP_ADMIN))) {
            throw new ForbiddenException("Only admins and comp admins import data.");
        }
    }

    private static ImportProfile profile(MultipartFile profile) throws IOException {
        try {
            return ImportProfile.parse(
                    profile.getOriginalFilename() == null ? "profile" : profile.getOriginalFilename(),
                    new String(profile.getBytes(), StandardCharsets.UTF_8));
        } catch (ProfileException e) {
            throw new InvalidInputException(new FieldProblem("profile", "ingest.profile.invalid", e.getMessage()));
        }
    }
}
