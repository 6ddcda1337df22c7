package org.attain.ingest.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.attain.access.AttainUser;
import org.attain.ingest.Bounds;
import org.attain.ingest.ImportRecords;
import org.attain.ingest.OutsideRun;
import org.attain.ingest.files.CsvRows;
import org.attain.ingest.files.ImportJobs;
import org.attain.ingest.files.RowSource;
import org.attain.ingest.files.UnreadableFileException;
import org.attain.ingest.files.XlsxRows;
import org.attain.ingest.profiles.ImportProfile;
import org.attain.ingest.profiles.NumberStyle;
import org.attain.ingest.profiles.ProfileException;
import org.attain.ingest.profiles.ProfileSuggestion;
import org.attain.ingest.records.RecordKinds;
import org.attain.platform.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The imports page: upload a file, preview its first rows with a drafted profile to adjust, dry run
 * or load, follow progress, then fix quarantined rows in place and replay them.
 */
@Controller
class ImportPages {

    private static final Pattern TOKEN = Pattern.compile("[0-9a-f-]{36}");
    private static final int PREVIEW_ROWS = 10;

    private final ImportJobs jobs;
    private final ImportRecords records;
    private final Path pending;
    private final QuarantinePages quarantine;
    private final OutsideRun.Counter outsideRun;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final org.springframework.context.MessageSource messages;
    private final org.attain.calc.CalcRuns runs;
    private final java.time.Clock clock;
    private final org.attain.ingest.SavedProfiles saved;

    ImportPages(
            org.attain.ingest.SavedProfiles saved,
            ImportJobs jobs,
            ImportRecords records,
            QuarantinePages quarantine,
            OutsideRun.Counter outsideRun,
            org.springframework.jdbc.core.simple.JdbcClient jdbc,
            org.springframework.context.MessageSource messages,
            org.attain.calc.CalcRuns runs,
            java.time.Clock clock,
            @Value("${attain.data-dir:./data}") String dataDir) {
        this.runs = runs;
        this.clock = clock;
        this.saved = saved;
        this.quarantine = quarantine;
        this.outsideRun = outsideRun;
        this.jdbc = jdbc;
        this.messages = messages;
        this.jobs = jobs;
        this.records = records;
        this.pending =
                Path.of(dataDir).toAbsolutePath().normalize().resolve("imports").resolve("pending");
    }

    @GetMapping("/imports")
    String list(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Model model) {
        ImportsApi.requireImporter(user);
        var paged = records.page(kind, status, q, org.attain.platform.PageRequest.of(page, size));
        model.addAttribute("imports", paged.items());
        model.addAttribute("importsPage", paged);
        model.addAttribute("kind", kind == null ? "" : kind);
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("q", q);
        model.addAttribute("statuses", List.of("LOADED", "DRY_RUN", "FAILED"));
        model.addAttribute("records", RecordKinds.names());
        return "ingest/list";
    }

    /** Without a multipart body (a plain form post, a script) there is no file: the page says so, with 400. */
    @PostMapping("/imports/preview")
    String preview(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = RecordKinds.TRANSACTIONS) String record,
            Model model,
            HttpServletResponse response)
            throws IOException {
        ImportsApi.requireImporter(user);
        if (file == null || file.isEmpty()) {
            return listWithError(model, response, "ingest.error.noFile", List.of());
        }
        Bounds.Refusal badName = ImportJobs.badUploadName(file.getOriginalFilename());
        if (badName != null) {
            return listWithError(model, response, badName.code(), badName.args());
        }
        String name = ImportJobs.safe(ImportJobs.uploadName(file.getOriginalFilename()));
        Files.createDirectories(pending);
        String token = UUID.randomUUID().toString();
        Path stored = pending.resolve(token + "-" + name);
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, stored);
        }
        return previewPage(new Draft(token, name, known(record), Map.of()), stored, null, null, model);
    }

    private String listWithError(Model model, HttpServletResponse response, String error, List<String> args) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        // the list page as GET /imports shows it (first page, no filters), with the error above it
        var paged = records.page(null, null, null, org.attain.platform.PageRequest.of(null, null));
        model.addAttribute("imports", paged.items());
        model.addAttribute("importsPage", paged);
        model.addAttribute("kind", "");
        model.addAttribute("status", "");
        model.addAttribute("statuses", List.of("LOADED", "DRY_RUN", "FAILED"));
        model.addAttribute("records", RecordKinds.names());
        model.addAttribute("error", error);
        model.addAttribute("errorArgs", args);
        return "ingest/list";
    }

    /** The record type or the column of a field changed on the preview: draft the profile again with those choices. */
    @PostMapping("/imports/mapping")
    String mapping(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam String token,
            @RequestParam String name,
            @RequestParam String record,
            @RequestParam(defaultValue = "") String previousRecord,
            @RequestParam Map<String, String> form,
            Model model)
            throws IOException {
        ImportsApi.requireImporter(user);
        String use = form.getOrDefault("saved", "");
        if (!use.isBlank()) {
            var profile = saved.find(use).orElseThrow(() -> new NotFoundException("import profile", use));
            model.addAttribute("profileNotice", "editor.profile.used");
            model.addAttribute("profileName", profile.name());
            return previewPage(
                    new Draft(token, name, known(profile.recordType()), Map.of()),
                    pendingFile(token, name),
                    profile.yaml(),
                    null,
                    model);
        }
        Map<String, String> chosen = new java.util.LinkedHashMap<>();
        if (record.equals(previousRecord)) {
            form.forEach((k, v) -> {
                if (k.startsWith("map:")) {
                    chosen.put(k.substring("map:".length()), v);
                }
            });
        }
        return previewPage(new Draft(token, name, known(record), chosen), pendingFile(token, name), null, null, model);
    }

    /**
     * The preview's "save as profile": the profile as it stands (built by picking columns, shown as YAML) is
     * saved under a name and the preview comes back with it, ready for a dry run or a load.
     */
    @PostMapping("/imports/profiles")
    String saveProfile(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam String token,
            @RequestParam String name,
            @RequestParam String profile,
            @RequestParam(defaultValue = "") String profileName,
            Model model)
            throws IOException {
        ImportsApi.requireImporter(user);
        Path stored = pendingFile(token, ImportJobs.safe(name));
        Draft draft = new Draft(token, ImportJobs.safe(name), known(recordOf(profile)), Map.of());
        String named = profileName.strip();
        model.addAttribute("profileName", named);
        if (named.isEmpty() || named.length() > 100) {
            return previewPage(
                    draft, stored, profile, messages.getMessage("editor.profile.nameNeeded", null, locale()), model);
        }
        try {
            saved.save(named, profile, user.getUsername());
        } catch (ProfileException e) {
            return previewPage(draft, stored, profile, e.getMessage(), model);
        }
        model.addAttribute("profileNotice", "editor.profile.saved");
        return previewPage(draft, stored, profile, null, model);
    }

    private static java.util.Locale locale() {
        return org.springframework.context.i18n.LocaleContextHolder.getLocale();
    }

    /** What the preview drafts a profile from: the upload, the record type and the columns picked so far. */
    private record Draft(String token, String name, String record, Map<String, String> chosen) {}

    private static String known(String record) {
        return RecordKinds.names().contains(record) ? record : RecordKinds.TRANSACTIONS;
    }

    @PostMapping("/imports/start")
    String start(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam String token,
            @RequestParam("name") String sentName,
            @RequestParam String profile,
            @RequestParam(defaultValue = "false") boolean dryRun,
            Model model)
            throws IOException {
        ImportsApi.requireImporter(user);
        // the preview sent the stored (safe) name; anything else would go into the import record as it came
        String name = ImportJobs.safe(sentName);
        Path stored = pendingFile(token, name);
        ImportProfile parsed;
        try {
            parsed = ImportProfile.parse(name, profile);
        } catch (ProfileException e) {
            return previewPage(
                    new Draft(token, name, known(recordOf(profile)), Map.of()), stored, profile, e.getMessage(), model);
        }
        long id;
        try (InputStream in = Files.newInputStream(stored)) {
            id = jobs.start(parsed, in, name, user.getUsername(), dryRun);
        }
        if (!dryRun) {
            Files.deleteIfExists(stored);
        } else {
            records.rememberUpload(id, token, name);
        }
        return "redirect:/imports/" + id + (dryRun ? "?token=" + token + "&name=" + name : "");
    }

    @GetMapping("/imports/{id}")
    String detail(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String name,
            @RequestParam(defaultValue = "0") int groups,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Model model,
            java.util.Locale locale) {
        status(user, id, token, name, groups, page, size, model, locale);
        return "ingest/detail";
    }

    /** The part of the detail page htmx polls while the import runs; a dry run's upload token lets it offer "load now". */
    @GetMapping("/imports/{id}/status")
    String status(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String name,
            @RequestParam(defaultValue = "0") int groups,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Model model,
            java.util.Locale locale) {
        ImportsApi.requireImporter(user);
        if (token == null) {
            // Coming back to a dry run (from the list, a link): its file, while it still waits to be loaded.
            var pendingUpload = records.pendingUpload(id).orElse(null);
            if (pendingUpload != null
                    && TOKEN.matcher(pendingUpload.token()).matches()
                    && Files.isRegularFile(
                            pending.resolve(pendingUpload.token() + "-" + ImportJobs.safe(pendingUpload.name())))) {
                token = pendingUpload.token();
                name = pendingUpload.name();
            }
        }
        model.addAttribute("token", token != null && TOKEN.matcher(token).matches() ? token : null);
        model.addAttribute("name", name == null ? null : ImportJobs.safe(name));
        model.addAttribute("profileYaml", records.profileYaml(id).orElse(null));
        var job = jobs.job(id);
        var record = records.find(id);
        boolean running =
                job.isPresent() && job.get().outcome() == null && job.get().error() == null;
        if (!running && record.isEmpty()) {
            throw new NotFoundException("import", id);
        }
        model.addAttribute("id", id);
        model.addAttribute("running", running);
        model.addAttribute("progress", job.map(ImportJobs.Job::progress).orElse(null));
        // The recalculation the import asked for runs right after its commit: its progress, then when the
        // numbers of the people concerned became current.
        model.addAttribute("recalc", ImportRecalculation.of(runs.triggeredByImport(id), clock.getZone()));
        model.addAttribute("record", running ? null : record.orElse(null));
        var rowsPage = records.quarantine(id, org.attain.platform.PageRequest.of(page, size));
        model.addAttribute("rows", running ? List.of() : rowsPage.items());
        model.addAttribute("rowsPage", rowsPage);
        if (!running) {
            quarantine.addTo(model, id, groups);
        }
        OutsideRun outside = running ? null : outsideRun.find(jdbc, id);
        model.addAttribute("outsideRun", outside == null ? null : outside.message(messages, locale));
        return "ingest/detail :: status";
    }

    @PostMapping("/imports/{id}/quarantine/{rowId}")
    String fix(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @PathVariable long rowId,
            @RequestParam Map<String, String> form) {
        ImportsApi.requireImporter(user);
        Map<String, String> cells = new java.util.LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("cell:")) {
                cells.put(k.substring("cell:".length()), v);
            }
        });
        records.fix(id, rowId, cells, user.getUsername());
        return "redirect:/imports/" + id + "#row-" + rowId;
    }

    @PostMapping("/imports/{id}/replay")
    String replay(@AuthenticationPrincipal AttainUser user, @PathVariable long id) {
        ImportsApi.requireImporter(user);
        return "redirect:/imports/" + jobs.replay(id, user.getUsername());
    }

    /** The record a profile names, read loosely so a profile with errors still shows its record's fields. */
    private static String recordOf(String profile) {
        var m = Pattern.compile("(?m)^record:\\s*([a-z_]+)").matcher(profile);
        return m.find() ? m.group(1) : RecordKinds.TRANSACTIONS;
    }

    private String previewPage(Draft draft, Path stored, String profile, String profileError, Model model)
            throws IOException {
        String token = draft.token();
        String name = draft.name();
        char delimiter = ',';
        if (!name.toLowerCase().endsWith(".xlsx")) {
            try (BufferedReader r = Files.newBufferedReader(stored, StandardCharsets.UTF_8)) {
                String first = r.readLine();
                delimiter = ProfileSuggestion.delimiter(first == null ? "" : first);
            } catch (IOException e) {
                delimiter = ',';
            }
        }
        ImportProfile.Format format = new ImportProfile.Format(
                "auto", delimiter, StandardCharsets.UTF_8, true, null, "yyyy-MM-dd", NumberStyle.EN);
        List<String> header = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        String readError = null;
        try {
            RowSource source =
                    name.toLowerCase().endsWith(".xlsx") ? new XlsxRows(stored, format) : new CsvRows(stored, format);
            source.read(new RowSource.Handler() {
                @Override
                public void header(List<String> names) {
                    header.addAll(names == null ? List.of() : names);
                }

                @Override
                public void row(long number, String[] cells) {
                    if (rows.size() >= PREVIEW_ROWS) {
                        throw new EnoughRows();
                    }
                    rows.add(cells);
                }
            });
        } catch (EnoughRows enough) {
            // the preview needs only the first rows; the whole file is read by the import itself
        } catch (UnreadableFileException e) {
            readError = e.getMessage();
        }
        model.addAttribute("token", token);
        model.addAttribute("name", name);
        model.addAttribute("header", header);
        model.addAttribute("rows", rows);
        model.addAttribute("readError", readError);
        String drafted = profile != null
                ? profile
                : ProfileSuggestion.yaml(draft.record(), name, delimiter, header, rows, draft.chosen());
        model.addAttribute("profile", drafted);
        model.addAttribute("profileError", profileError);
        model.addAttribute("record", draft.record());
        model.addAttribute("records", RecordKinds.names());
        model.addAttribute("fields", RecordKinds.rows(draft.record()));
        model.addAttribute("mapped", mappedColumns(name, drafted));
        model.addAttribute("savedProfiles", saved.all());
        return "ingest/preview";
    }

    private static Map<String, String> mappedColumns(String name, String yaml) {
        try {
            return ImportProfile.parse(name, yaml).columns();
        } catch (ProfileException e) {
            return Map.of();
        }
    }

    private Path pendingFile(String token, String name) {
        if (!TOKEN.matcher(token).matches()) {
            throw new NotFoundException("upload", token);
        }
        Path file = pending.resolve(token + "-" + ImportJobs.safe(name));
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("upload", token);
        }
        return file;
    }

    /** Stops reading once the preview has its rows. */
    private static final class EnoughRows extends RuntimeException {
        EnoughRows() {
            super(null, null, false, false);
        }
    }
}
