package org.attain.calc.web;

import java.util.List;
import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.attain.calc.CalcRuns;
import org.attain.calc.RunChanges;
import org.attain.calc.RunLauncher;
import org.attain.calc.RunStatus;
import org.attain.platform.ForbiddenException;
import org.attain.platform.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Calculation runs for the back office: start one (on this server's cores or on Apache Spark), follow its progress
 * and stages, see what it changed and excluded.
 */
@Controller
class RunPages {

    /** Where a full run started from the page computes its payees. */
    enum Engine {
        /** This server's own cores (the default). */
        SERVER,
        /** Apache Spark on the master the server is configured with ({@code attain.spark.master}). */
        SPARK
    }

    private final CalcRuns runs;
    private final RunLauncher launcher;
    private final RunChanges changes;
    private final tools.jackson.databind.json.JsonMapper json;

    private final org.attain.calendar.Periods periods;
    private final org.springframework.context.MessageSource messages;

    RunPages(
            CalcRuns runs,
            RunLauncher launcher,
            RunChanges changes,
            tools.jackson.databind.json.JsonMapper json,
            org.attain.calendar.Periods periods,
            org.springframework.context.MessageSource messages) {
        this.periods = periods;
        this.messages = messages;
        this.runs = runs;
        this.launcher = launcher;
        this.changes = changes;
        this.json = json;
    }

    @GetMapping("/runs")
    String list(
            @AuthenticationPrincipal AttainUser user,
            @org.springframework.web.bind.annotation.RequestParam(required = false) RunStatus status,
            @org.springframework.web.bind.annotation.RequestParam(required = false) org.attain.calc.RunKind kind,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String q,
            @org.springframework.web.bind.annotation.RequestParam(required = false) Integer page,
            @org.springframework.web.bind.annotation.RequestParam(required = false) Integer size,
            Model model,
            java.util.Locale locale) {
        requireBackOffice(user);
        var paged = runs.page(status, kind, q, org.attain.platform.PageRequest.of(page, size));
        var recent = paged.items();
        model.addAttribute("runs", recent);
        model.addAttribute("runsPage", paged);
        model.addAttribute("statuses", RunStatus.values());
        model.addAttribute("kinds", org.attain.calc.RunKind.values());
        model.addAttribute("status", status);
        model.addAttribute("kind", kind);
        model.addAttribute("q", q);
        // Keep the page polling while a launched run is still queued, not only while one is running.
        model.addAttribute(
                "running", launcher.fullRunPending() || recent.stream().anyMatch(r -> r.status() == RunStatus.RUNNING));
        model.addAttribute("canRun", user.has(Role.ADMIN) || user.has(Role.COMP_ADMIN));
        model.addAttribute("sparkMaster", launcher.sparkMaster());
        // The stage each running run on Spark is in, shown under its progress.
        java.util.Map<Long, String> stages = new java.util.HashMap<>();
        recent.stream()
                .filter(r -> r.status() == RunStatus.RUNNING && r.onSpark())
                .forEach(r -> stages.put(r.id(), RunStageTexts.current(r, messages, locale)));
        model.addAttribute("currentStage", stages);
        return "calc/runs";
    }

    @PostMapping("/runs")
    String start(
            @AuthenticationPrincipal AttainUser user,
            RedirectAttributes flash,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String from,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String to,
            @org.springframework.web.bind.annotation.RequestParam(required = false) Engine engine,
            java.util.Locale locale) {
        // Checked before anything else, the engine too: only those who start full runs start one on Spark.
        if (!user.has(Role.ADMIN) && !user.has(Role.COMP_ADMIN)) {
            throw new ForbiddenException("Only admins and comp admins start runs.");
        }
        boolean chosen = (from != null && !from.isBlank()) || (to != null && !to.isBlank());
        if (chosen) {
            try {
                // Checked here, so the page can say what is wrong; the run itself goes on in the background.
                periods.rangeToRun(from, to);
            } catch (org.attain.calendar.PeriodRange.Refused refused) {
                flash.addFlashAttribute(
                        "rangeProblem", messages.getMessage(refused.code(), refused.args(), refused.reason(), locale));
                flash.addFlashAttribute("from", from);
                flash.addFlashAttribute("to", to);
                return "redirect:/runs";
            }
        }
        boolean onSpark = engine == Engine.SPARK;
        boolean started = onSpark
                ? launcher.launchOnSpark(chosen ? from : null, chosen ? to : null, user.getUsername())
                : chosen ? launcher.launchRange(from, to, user.getUsername()) : launcher.launchFull(user.getUsername());
        flash.addFlashAttribute(
                started ? "notice" : "problem",
                started ? (onSpark ? "runs.startedOnSpark" : "runs.startedNotice") : "runs.alreadyRunning");
        return "redirect:/runs";
    }

    @GetMapping("/runs/{id}")
    String one(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @org.springframework.web.bind.annotation.RequestParam(required = false) Integer page,
            @org.springframework.web.bind.annotation.RequestParam(required = false) Integer size,
            Model model,
            java.util.Locale locale) {
        requireBackOffice(user);
        var run = runs.find(id).orElseThrow(() -> new NotFoundException("calculation run", id));
        model.addAttribute("run", run);
        model.addAttribute("stages", RunStageTexts.shown(run, messages, locale));
        List<String> months = run.periods().stream()
                .filter(p -> p.matches("\\d{4}-\\d{2}"))
                .sorted()
                .toList();
        model.addAttribute("firstMonth", months.isEmpty() ? null : months.get(0));
        model.addAttribute("lastMonth", months.isEmpty() ? null : months.get(months.size() - 1));
        model.addAttribute("exclusions", json.readTree(run.exclusions()));
        model.addAttribute("issues", json.readTree(run.issues()));
        model.addAttribute("issueTexts", RunIssueTexts.shown(json.readTree(run.issues()), messages, locale));
        var changed = changes.of(id, org.attain.platform.PageRequest.of(page, size));
        model.addAttribute("changes", changed.items());
        model.addAttribute("changesPage", changed);
        return "calc/run";
    }

    private static void requireBackOffice(AttainUser user) {
        if (!user.seesEveryone()) {
            throw new ForbiddenException("Runs are for the back office.");
        }
    }
}
