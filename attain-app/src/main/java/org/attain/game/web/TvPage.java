package org.attain.game.web;

import java.util.List;
import org.attain.game.BoardView;
import org.attain.game.Leaderboards;
import org.attain.game.TvLinks;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /tv/{token}}: the boards of a TV link, full screen, one at a time ({@code /js/tv.js} rotates them and
 * reloads the page after each round for fresh numbers). No login: the token is the key; an unknown token answers
 * 404, a revoked one 410. Boards are shown as their "everyone" visibility allows.
 */
@Controller
class TvPage {

    private final TvLinks links;
    private final Leaderboards boards;

    TvPage(TvLinks links, Leaderboards boards) {
        this.links = links;
        this.boards = boards;
    }

    @GetMapping("/tv/{token}")
    String tv(@PathVariable String token, Model model) {
        TvLinks.Opened opened = links.open(token);
        if (opened instanceof TvLinks.Revoked) {
            throw new ResponseStatusException(HttpStatus.GONE, "This TV link was revoked.");
        }
        if (!(opened instanceof TvLinks.Open open)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such TV link.");
        }
        List<BoardView> views = open.link().boards().stream()
                .filter(id -> boards.find(id).isPresent())
                .map(boards::everyoneView)
                .toList();
        model.addAttribute("link", open.link());
        model.addAttribute("views", views);
        return "game/tv";
    }
}
