package org.attain.ingest;

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

    ImportPages(ImportJobs jobs, ImportRecords records, @Value("${attain.data-dir:./data}") String dataDir) {
        this.jobs = jobs;
        this.records = records;
        this.pending = Path.of(dataDir).toAbsolutePath().normalize().resolve("imports").resolve("pending");
    }

    @GetMapping("/imports")
    String list(@AuthenticationPrincipal AttainUser user, Model model) {
        ImportsApi.requireImporter(user);
        model.addAttribute("imports", records.recent(50));
        return "ingest/list";
    }

    @PostMapping("/imports/preview")
    String preview(@AuthenticationPrincipal AttainUser user, @RequestParam("file") MultipartFile file, Model model)
            throws IOException {
        ImportsApi.requireImporter(user);
        if (file.isEmpty()) {
            model.addAttribute("imports", records.recent(50));
            model.addAttribute("error", "ingest.error.noFile");
            return "ingest/list";
        }
        Files.createDirectories(pending);
        String token = UUID.randomUUID().toString();
        String name = ImportJobs.safe(file.getOriginalFilename());
        Path stored = pending.resolve(token + "-" + name);
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, stored);
        }
        return previewPage(token, name, stored, null, null, model);
    }

    @PostMapping("/imports/start")
    String start(@AuthenticationPrincipal AttainUser user, @RequestParam String token, @RequestParam String name,
            @RequestParam String profile, @RequestParam(defaultValue = "false") boolean dryRun, Model model) throws IOException {
        ImportsApi.requireImporter(user);
        Path stored = pendingFile(token, name);
        ImportProfile parsed;
        try {
            parsed = ImportProfile.parse(name, profile);
        } catch (ProfileException e) {
            return previewPage(token, name, stored, profile, e.getMessage(), model);
        }
        long id;
        try (InputStream in = Files.newInputStream(stored)) {
            id = jobs.start(parsed, in, name, user.getUsername(), dryRun);
        }
        if (!dryRun) {
            Files.deleteIfExists(stored);
        }
        return "redirect:/imports/" + id + (dryRun ? "?token=" + token + "&name=" + name : "");
    }

    @GetMapping("/imports/{id}")
    String detail(@AuthenticationPrincipal AttainUser user, @PathVariable long id,
            @RequestParam(required = false) String token, @RequestParam(required = false) String name, Model model) {
        ImportsApi.requireImporter(user);
        status(user, id, model);
        model.addAttribute("token", token != null && TOKEN.matcher(token).matches() ? token : null);
        model.addAttribute("name", name == null ? null : ImportJobs.safe(name));
        model.addAttribute("profileYaml", records.profileYaml(id).orElse(null));
        return "ingest/detail";
    }

    /** The part of the detail page htmx polls while the import runs. */
    @GetMapping("/imports/{id}/status")
    String status(@AuthenticationPrincipal AttainUser user, @PathVariable long id, Model model) {
        ImportsApi.requireImporter(user);
        var job = jobs.job(id);
        var record = records.find(id);
        boolean running = job.isPresent() && job.get().outcome() == null && job.get().error() == null;
        if (!running && record.isEmpty()) {
            throw new NotFoundException("import", id);
        }
        model.addAttribute("id", id);
        model.addAttribute("running", running);
        model.addAttribute("progress", job.map(ImportJobs.Job::progress).orElse(null));
        model.addAttribute("record", running ? null : record.orElse(null));
        model.addAttribute("rows", running ? List.of() : records.quarantine(id, 500));
        return "ingest/detail :: status";
    }

    @PostMapping("/imports/{id}/quarantine/{rowId}")
    String fix(@AuthenticationPrincipal AttainUser user, @PathVariable long id, @PathVariable long rowId,
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

    private String previewPage(String token, String name, Path stored, String profile, String profileError, Model model)
            throws IOException {
        char delimiter = ',';
        if (!name.toLowerCase().endsWith(".xlsx")) {
            try (BufferedReader r = Files.newBufferedReader(stored, StandardCharsets.UTF_8)) {
                String first = r.readLine();
                delimiter = ProfileSuggestion.delimiter(first == null ? "" : first);
            } catch (IOException e) {
                delimiter = ',';
            }
        }
        ImportProfile.Format format = new ImportProfile.Format("auto", delimiter, StandardCharsets.UTF_8, true, null,
                "yyyy-MM-dd", NumberStyle.EN);
        List<String> header = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        String readError = null;
        try {
            RowSource source = name.toLowerCase().endsWith(".xlsx") ? new XlsxRows(stored, format) : new CsvRows(stored, format);
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
        model.addAttribute("profile", profile != null ? profile : ProfileSuggestion.yaml(name, delimiter, header, rows));
        model.addAttribute("profileError", profileError);
        return "ingest/preview";
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
