package org.attain.game.web;

import org.attain.access.AttainUser;
import org.attain.game.ContestEffects;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A contest's participation and effect on its metric, for managers ({@code /game/contests/{id}/effect}). */
@Controller
class ContestEffectPage {

    private final ContestEffects effects;

    ContestEffectPage(ContestEffects effects) {
        this.effects = effects;
    }

    @GetMapping("/game/contests/{id}/effect")
    String effect(@AuthenticationPrincipal AttainUser user, @PathVariable long id, Model model) {
        model.addAttribute("effect", effects.of(user, id));
        return "game/effect";
    }
}
