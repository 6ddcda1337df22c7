package org.attain.game.web;

import java.util.List;
import org.attain.access.AttainUser;
import org.attain.game.Leaderboards;
import org.attain.game.TvLinks;
import org.attain.game.live.BoardFeed;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The event streams of open boards: {@code /game/live?boards=1,2} for a logged-in board page and
 * {@code /tv/{token}/live} for a TV screen (no login, the token is the key, as for the screen itself; a revoked link
 * answers 410 and an open stream ends at the next change after revocation). Events say only which board changed
 * ({@link BoardFeed}); the page then fetches itself, as its viewer may see it.
 */
@Controller
class LiveBoardStreams {

    private final BoardFeed feed;
    private final Leaderboards boards;
    private final TvLinks links;

    LiveBoardStreams(BoardFeed feed, Leaderboards boards, TvLinks links) {
        this.feed = feed;
        this.boards = boards;
        this.links = links;
    }

    @GetMapping(value = "/game/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter board(@AuthenticationPrincipal AttainUser user, @RequestParam("boards") List<Long> ids) {
        List<Long> known = ids.stream()
                .distinct()
                .filter(id -> boards.find(id).isPresent())
                .toList();
        if (known.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such leaderboard.");
        }
        return feed.subscribe(known);
    }

    @GetMapping(value = "/tv/{token}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter tv(@PathVariable String token) {
        TvLinks.Opened opened = links.open(token);
        if (opened instanceof TvLinks.Revoked) {
            throw new ResponseStatusException(HttpStatus.GONE, "This TV link was revoked.");
        }
        if (!(opened instanceof TvLinks.Open open)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such TV link.");
        }
        return feed.subscribe(open.link().boards(), () -> links.open(token) instanceof TvLinks.Open);
    }
}
