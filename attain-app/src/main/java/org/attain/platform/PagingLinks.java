package org.attain.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links of the shared pager ({@code ${pagingLinks.page(2)}} in templates, a model attribute of every
 * page): the current URL with only {@code page} (or {@code size}) replaced, so search and filters stay
 * in the URL while paging.
 */
public final class PagingLinks {

    // The three parts of the request the links are made from, kept as text (not the request) so that two
    // requests for the same URL give equal PagingLinks: pages kept by their model (home's RenderedPages) are
    // reused only when every model value is equal, and a PagingLinks holding its request never was (found
    // profiling the home page under 50 users: every request rendered the page again).
    private final String shown;
    private final String path;
    private final String query;

    PagingLinks(HttpServletRequest request) {
        this.shown = request.getHeader("HX-Current-URL");
        this.path = request.getRequestURI();
        this.query = request.getQueryString();
    }

    /** Puts the links of the current request in every page's model. */
    @ControllerAdvice
    static class Advice {
        @ModelAttribute("pagingLinks")
        PagingLinks pagingLinks(HttpServletRequest request) {
            return new PagingLinks(request);
        }
    }

    /** The current page's URL showing page {@code page} (0-based). */
    public String page(int page) {
        return with("page", page == 0 ? null : Integer.toString(page), false);
    }

    /** The current page's URL with another page size, back on the first page. */
    public String size(int size) {
        return with("size", Integer.toString(size), true);
    }

    private String with(String name, String value, boolean firstPage) {
        // A part of a page fetched by htmx links to the page the browser shows, not to the part's own URL.
        UriComponentsBuilder b;
        if (shown != null && !shown.isBlank()) {
            var current = UriComponentsBuilder.fromUriString(shown).build();
            b = UriComponentsBuilder.fromPath(current.getPath()).query(current.getQuery());
        } else {
            b = UriComponentsBuilder.fromPath(path).query(query);
        }
        b.replaceQueryParam("lang");
        if (firstPage) {
            b.replaceQueryParam("page");
        }
        if (value == null) {
            b.replaceQueryParam(name);
        } else {
            b.replaceQueryParam(name, value);
        }
        try {
            return b.build(true).toUriString();
        } catch (IllegalArgumentException notEncoded) {
            return b.build().encode().toUriString();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PagingLinks p
                && java.util.Objects.equals(shown, p.shown)
                && java.util.Objects.equals(path, p.path)
                && java.util.Objects.equals(query, p.query);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(shown, path, query);
    }
}
