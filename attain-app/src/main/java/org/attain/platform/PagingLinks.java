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

    private final HttpServletRequest request;

    PagingLinks(HttpServletRequest request) {
        this.request = request;
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
        String shown = request.getHeader("HX-Current-URL");
        UriComponentsBuilder b;
        if (shown != null && !shown.isBlank()) {
            var current = UriComponentsBuilder.fromUriString(shown).build();
            b = UriComponentsBuilder.fromPath(current.getPath()).query(current.getQuery());
        } else {
            b = UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString());
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
}
