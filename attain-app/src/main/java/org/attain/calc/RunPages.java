package org.attain.calc;

import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.attain.platform.ForbiddenException;
import org.attain.platform.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Calculation runs for the back office: start one, follow its progress, see what it changed and excluded. */
@Controller
class RunPages {

    private final CalcRuns runs;
    private final RunLauncher launcher;
    private final RunChanges changes;
    private final tools.jackson.databind.json.JsonMapper json;

    RunPages(CalcRuns runs, RunLauncher launcher, RunChanges changes, tools.jackson.databind.json.JsonMapper json) {
        this.runs = runs;
        this.launcher = launcher;
        this.changes = changes;
        this.json = json;
    }

    @GetMapping("/runs")
    String list(@AuthenticationPrincipal AttainUser user, Model model) {
        requireBackOffice(user);
        var recent = runs.recent(30);
        model.addAttribute("runs", recent);
        // Keep the page polling while a launched run is still queued, not only while one is running.
        model.addAttribute("running", launcher.fullRunPending() || recent.stream().anyMatch(r -> "RUNNING".equals(r.status())));
        model.addAttribute("canRun", user.has(Role.ADMIN) || user.has(Role.COMP_ADMIN));
        return "calc/runs";
    }

    @PostMapping("/runs")
    String start(@AuthenticationPrincipal AttainUser user, RedirectAttributes flash) {
        if (!user.has(Role.ADMIN) && !user.has(Role.COMP_ADMIN)) {
            throw new ForbiddenException("Only admins and comp admins start runs.");
        }
        boolean started = launcher.launchFull(user.getUsername());
        flash.addFlashAttribute(started ? "notice" : "problem", started ? "runs.startedNotice" : "runs.alreadyRunning");
        return "redirect:/runs";
    }

    @GetMapping("/runs/{id}")
    String one(@AuthenticationPrincipal AttainUser user, @PathVariable long id, Model model) {
        requireBackOffice(user);
        var run = runs.find(id).orElseThrow(() -> new NotFoundException("calculation run", id));
        model.addAttribute("run", run);
        model.addAttribute("exclusions", json.readTree(run.exclusions()));
        model.addAttribute("issues", json.readTree(run.issues()));
        model.addAttribute("changes", changes.of(id, 200));
        return "calc/run";
    }

    private static void requireBackOffice(AttainUser user) {
        if (!user.seesEveryone()) {
            throw new ForbiddenException("Runs are for the back office.");
        }
    }
}
