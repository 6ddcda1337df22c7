package org.attain.game.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.game.chat.ChatWebhooks;
import org.attain.platform.FieldProblem;
import org.attain.platform.ForbiddenException;
import org.attain.platform.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /game/chat}: the Slack and Microsoft Teams webhooks told of contest wins and badges (admins and comp
 * admins): add one (name, kind, address, language), see them with the address masked, remove one, and the latest
 * posts with their state. The same under {@code /api/v1/game/chat-webhooks}.
 */
@Controller
class ChatWebhookPages {

    private final ChatWebhooks webhooks;
    private final MessageSource messages;

    ChatWebhookPages(ChatWebhooks webhooks, MessageSource messages) {
        this.webhooks = webhooks;
        this.messages = messages;
    }

    @GetMapping("/game/chat")
    String page(@AuthenticationPrincipal AttainUser user, Model model) {
        return page(user, model, Map.of(), Map.of());
    }

    private String page(AttainUser user, Model model, Map<String, String> form, Map<String, String> errors) {
        if (!ChatWebhooks.mayManage(user)) {
            throw new ForbiddenException("game.chat.forbidden", "Only admins and comp admins manage chat webhooks.");
        }
        model.addAttribute("webhooks", webhooks.active(user));
        model.addAttribute("posts", webhooks.recentPosts(user, 20));
        model.addAttribute("kinds", ChatWebhooks.Kind.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "game/chat";
    }

    @PostMapping("/game/chat/webhooks")
    String create(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String url,
            @RequestParam(required = false) String language,
            Model model,
            RedirectAttributes redirect) {
        try {
            webhooks.create(user, new ChatWebhooks.NewWebhook(name, kind, url, language));
            redirect.addFlashAttribute("notice", "game.chat.notice.created");
            return "redirect:/game/chat";
        } catch (InvalidInputException e) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("name", name);
            form.put("kind", kind);
            form.put("language", language);
            // The address is not sent back into the page: it is the webhook's secret.
            return page(user, model, form, errors(e.problems()));
        }
    }

    @PostMapping("/game/chat/webhooks/{id}/remove")
    String remove(@AuthenticationPrincipal AttainUser user, @PathVariable long id, RedirectAttributes redirect) {
        webhooks.remove(user, id);
        redirect.addFlashAttribute("notice", "game.chat.notice.removed");
        return "redirect:/game/chat";
    }

    @GetMapping("/api/v1/game/chat-webhooks")
    @ResponseBody
    List<ChatWebhooks.Webhook> list(@AuthenticationPrincipal AttainUser user) {
        return webhooks.active(user);
    }

    @PostMapping("/api/v1/game/chat-webhooks")
    @ResponseBody
    @ResponseStatus(HttpStatus.CREATED)
    ChatWebhooks.Webhook createApi(@AuthenticationPrincipal AttainUser user, @RequestBody ChatWebhooks.NewWebhook in) {
        return webhooks.create(user, in);
    }

    @DeleteMapping("/api/v1/game/chat-webhooks/{id}")
    @ResponseBody
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeApi(@AuthenticationPrincipal AttainUser user, @PathVariable long id) {
        webhooks.remove(user, id);
    }

    @GetMapping("/api/v1/game/chat-posts")
    @ResponseBody
    List<ChatWebhooks.Post> posts(@AuthenticationPrincipal AttainUser user) {
        return webhooks.recentPosts(user, 100);
    }

    private Map<String, String> errors(List<FieldProblem> problems) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> out = new LinkedHashMap<>();
        for (FieldProblem p : problems) {
            out.putIfAbsent(p.field(), messages.getMessage(p.code(), null, p.reason(), locale));
        }
        return out;
    }
}
