package org.attain.plan.web;

import org.attain.access.AttainUser;
import org.attain.engine.plan.PlanCompiler;
import org.attain.engine.plan.PlanVocabulary;
import org.attain.engine.scenario.ScenarioVocabulary;
import org.attain.engine.yaml.Vocabulary;
import org.attain.platform.ForbiddenException;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the YAML editors complete (static/js/yaml-editor.js): the keys of the plan language by their place
 * and the words some values take, or the same for a scenario (whose {@code plan} is the plan language),
 * recorded by the engine from its own readers, so completion offers exactly what the check accepts.
 */
@RestController
class EditorVocabulary {

    private final Vocabulary plan;
    private final Vocabulary scenario;

    EditorVocabulary() {
        PlanCompiler compiler = new PlanCompiler();
        this.plan = PlanVocabulary.of(compiler);
        this.scenario = ScenarioVocabulary.of(compiler);
    }

    @GetMapping("/plans/vocabulary")
    ResponseEntity<Vocabulary> vocabulary(
            @AuthenticationPrincipal AttainUser user, @RequestParam(defaultValue = "plan") String of) {
        if (!user.seesEveryone()) {
            throw new ForbiddenException("Plans are for the back office.");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body("scenario".equals(of) ? scenario : plan);
    }
}
