package org.attain.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.IdentityHashMap;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Request mappings that skip, by a string prefix, the mappings a path cannot match.
 *
 * <p>Spring finds the handler of a literal path ({@code /}) in a map, but for a path with a variable
 * ({@code /api/v1/people/42/earnings}) it asks every mapping of the application in turn, each first
 * checking the request's method through the chain of request wrappers and then its patterns: under
 * load that was about an eighth of the application's CPU. Every path a pattern matches starts with
 * the pattern's literal text up to the last {@code /} before its first variable or wildcard, so a
 * mapping whose prefixes all fail {@code startsWith} is skipped without being asked. Paths with
 * {@code %} or {@code ;} (decoded or stripped before patterns match) are left to Spring unfiltered,
 * as are mappings without parsed patterns; which mapping wins among the rest is Spring's decision as
 * before.
 */
@Configuration(proxyBeanMethods = false)
class PathPrefixMappings {

    @Bean
    WebMvcRegistrations prefixFilteredMappings() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new Filtered();
            }
        };
    }

    static final class Filtered extends RequestMappingHandlerMapping {

        private static final String[] ANY = {""};

        private final ThreadLocal<String> lookupPath = new ThreadLocal<>();
        // Read on every candidate of every lookup: an identity map published whole (copied on the rare
        // miss) costs less than a concurrent map that hashes each mapping's conditions.
        private volatile Map<RequestMappingInfo, String[]> prefixes = new IdentityHashMap<>();

        @Override
        protected HandlerMethod lookupHandlerMethod(String path, HttpServletRequest request) throws Exception {
            // Case-insensitive patterns would need a case-insensitive prefix: such a parser is not filtered.
            boolean plain = path.indexOf('%') < 0
                    && path.indexOf(';') < 0
                    && getPatternParser() != null
                    && getPatternParser().isCaseSensitive();
            if (plain) {
                lookupPath.set(path);
            }
            try {
                return super.lookupHandlerMethod(path, request);
            } finally {
                if (plain) {
                    lookupPath.remove();
                }
            }
        }

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            String path = lookupPath.get();
            if (path != null && !startsWithAny(path, prefixes(info))) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }

        private String[] prefixes(RequestMappingInfo info) {
            String[] known = prefixes.get(info);
            if (known == null) {
                synchronized (this) {
                    Map<RequestMappingInfo, String[]> more = new IdentityHashMap<>(prefixes);
                    known = prefixesOf(info);
                    more.put(info, known);
                    prefixes = more;
                }
            }
            return known;
        }

        private static boolean startsWithAny(String path, String[] prefixes) {
            for (String p : prefixes) {
                if (path.startsWith(p)) {
                    return true;
                }
            }
            return false;
        }

        /** Per pattern, the text every matching path starts with; {@code ""} (anything) when unknown. */
        static String[] prefixesOf(RequestMappingInfo info) {
            PathPatternsRequestCondition condition = info.getPathPatternsCondition();
            if (condition == null || condition.getPatterns().isEmpty()) {
                return ANY;
            }
            return condition.getPatterns().stream()
                    .map(PathPattern::getPatternString)
                    .map(Filtered::prefixOf)
                    .toArray(String[]::new);
        }

        /**
         * A literal pattern itself (it matches only its own text); otherwise the text up to (not
         * including) the last {@code /} before its first variable or wildcard: {@code
         * /api/v1/people/{id}/earnings} gives {@code /api/v1/people}, and {@code /files/**} gives {@code
         * /files}, which {@code /files} itself (matched by {@code **}) still starts with.
         */
        static String prefixOf(String pattern) {
            int wild = -1;
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '{' || c == '*' || c == '?' || c == '\\') {
                    wild = i;
                    break;
                }
            }
            if (wild < 0) {
                return pattern;
            }
            int slash = pattern.lastIndexOf('/', wild - 1);
            return slash <= 0 ? "" : pattern.substring(0, slash);
        }
    }
}
