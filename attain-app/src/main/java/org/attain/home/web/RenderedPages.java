package org.attain.home.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Whole pages, rendered again only when what they are made from changed.
 *
 * <p>The controller still reads every figure fresh on every request; only turning them into HTML is
 * skipped. The last rendering of a page is kept per user together with everything it was made from:
 * the whole model (figures, person, navigation, ...), the locale and the user's name, roles and person.
 * A request whose model, locale and user are equal to the kept ones gets the kept HTML; anything else
 * is rendered by the usual Thymeleaf view and kept instead. A model value without value equality never
 * matches, so a stale page cannot come out of here, and a page is never shown to another user.
 *
 * <p>The one part of a page that belongs to a session, not to the figures, is the CSRF token (in the
 * page head and the logout form). The page is rendered with a placeholder in its place, and every
 * response gets the requesting session's own token put in. So several sessions of one user share one
 * kept page, and each still sees its own token.
 *
 * <p>Under 50 concurrent users template rendering (the page chrome with its navigation as much as the
 * figures) was the largest cost of the home page, and nearly every request repeats the last one.
 * Bounded: the most recently served users' pages.
 */
@Component
class RenderedPages {

    static final int USERS_KEPT = 4096;

    private final ThymeleafViewResolver views;
    // Unguessable, so it cannot appear in a page by chance (or by a user's doing).
    private final String placeholder = "csrf-" + UUID.randomUUID().toString().replace("-", "");

    private final Map<Key, Rendered> kept = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Rendered> eldest) {
            return size() > USERS_KEPT;
        }
    });

    private final java.util.concurrent.atomic.AtomicLong renderings = new java.util.concurrent.atomic.AtomicLong();

    RenderedPages(ThymeleafViewResolver views) {
        this.views = views;
    }

    private record Key(String template, long userId) {}

    /** Everything a page was made from, and the page as the bytes around each token placeholder. */
    private record Rendered(
            String username,
            Set<Role> roles,
            Long personId,
            Locale locale,
            Map<String, Object> model,
            String contentType,
            List<byte[]> parts) {

        boolean madeFrom(AttainUser user, Locale locale, Map<String, Object> model) {
            return this.locale.equals(locale)
                    && username.equals(user.getUsername())
                    && roles.equals(user.roles())
                    && java.util.Objects.equals(personId, user.personId())
                    && sameModel(this.model, model);
        }

        /** As Map.equals, but a value that is the very same object is not compared field by field. */
        private static boolean sameModel(Map<String, Object> kept, Map<String, Object> now) {
            if (kept.size() != now.size()) {
                return false;
            }
            for (Map.Entry<String, Object> e : now.entrySet()) {
                Object was = kept.get(e.getKey());
                Object is = e.getValue();
                if (is == null ? was != null || !kept.containsKey(e.getKey()) : was != is && !is.equals(was)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The view for a template that renders through Thymeleaf only when the page's inputs changed. */
    View view(String template, AttainUser user, Locale locale) {
        return new View() {
            @Override
            public String getContentType() {
                return "text/html;charset=UTF-8";
            }

            @Override
            public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                    throws Exception {
                RenderedPages.this.render(template, user, locale, model, request, response);
            }
        };
    }

    /** How many pages are kept (for tests). */
    int size() {
        return kept.size();
    }

    /** How many times a page was rendered by Thymeleaf rather than served as kept (for tests). */
    long renderings() {
        return renderings.get();
    }

    private void render(
            String template,
            AttainUser user,
            Locale locale,
            Map<String, ?> model,
            HttpServletRequest request,
            HttpServletResponse response)
            throws Exception {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        Key key = new Key(template, user.userId());
        Map<String, Object> inputs = inputs(model);
        Rendered last = kept.get(key);
        if (token == null || last == null || !last.madeFrom(user, locale, inputs)) {
            renderings.incrementAndGet();
            View thymeleaf = views.resolveViewName(template, locale);
            if (thymeleaf == null) {
                throw new IllegalStateException("no view for template " + template);
            }
            if (token == null) {
                thymeleaf.render(model, request, response);
                return;
            }
            ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
            thymeleaf.render(model, new WithPlaceholderToken(request, token, placeholder), capture);
            last = new Rendered(
                    user.getUsername(),
                    user.roles(),
                    user.personId(),
                    locale,
                    inputs,
                    capture.getContentType(),
                    split(capture.getContentAsByteArray(), placeholder));
            kept.put(key, last);
        }
        write(last, token.getToken().getBytes(StandardCharsets.UTF_8), response);
    }

    /**
     * The model as compared: without the binding result Spring adds beside each model object while it has no errors
     * (it is made from that object, which is compared itself; comparing it again doubled the cost of the check).
     */
    private static Map<String, Object> inputs(Map<String, ?> model) {
        Map<String, Object> out = new HashMap<>(model.size() * 2);
        model.forEach((k, v) -> {
            if (!(v instanceof org.springframework.validation.BindingResult b && !b.hasErrors())) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static void write(Rendered page, byte[] token, HttpServletResponse response) throws java.io.IOException {
        long length = (long) token.length * (page.parts().size() - 1);
        for (byte[] part : page.parts()) {
            length += part.length;
        }
        response.setContentType(page.contentType());
        response.setContentLengthLong(length);
        OutputStream out = response.getOutputStream();
        for (int i = 0; i < page.parts().size(); i++) {
            if (i > 0) {
                out.write(token);
            }
            out.write(page.parts().get(i));
        }
    }

    /** The bytes between occurrences of the placeholder (n occurrences give n + 1 parts). */
    static List<byte[]> split(byte[] html, String placeholder) {
        byte[] p = placeholder.getBytes(StandardCharsets.UTF_8);
        List<byte[]> parts = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= html.length - p.length; i++) {
            if (html[i] == p[0] && java.util.Arrays.equals(html, i, i + p.length, p, 0, p.length)) {
                parts.add(java.util.Arrays.copyOfRange(html, from, i));
                from = i + p.length;
                i = from - 1;
            }
        }
        parts.add(java.util.Arrays.copyOfRange(html, from, html.length));
        return List.copyOf(parts);
    }

    /** The request as the template sees it while rendering: the session's CSRF token replaced by the placeholder. */
    private static final class WithPlaceholderToken extends HttpServletRequestWrapper {

        private final CsrfToken token;

        WithPlaceholderToken(HttpServletRequest request, CsrfToken real, String placeholder) {
            super(request);
            this.token = new DefaultCsrfToken(real.getHeaderName(), real.getParameterName(), placeholder);
        }

        @Override
        public Object getAttribute(String name) {
            // Spring Security exposes the token under its type's name and under its parameter name (_csrf).
            if (CsrfToken.class.getName().equals(name)
                    || token.getParameterName().equals(name)) {
                return token;
            }
            return super.getAttribute(name);
        }
    }
}
