package org.attain.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsUtils;
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
 *
 * <p>Asking every mapping still meant walking all of them (several hundred) for each such request: in a
 * profile of 50 users on the home page and the earnings API the walk and the prefix checks were 13 % of the
 * request threads' CPU (session 17). So the mappings are also indexed by their prefixes: a path is matched
 * against the mappings filed under the path's own ancestors only ({@code ""}, {@code /api}, {@code /api/v1},
 * ...). When exactly one matches, that is the handler, as Spring would have found by asking them all; no
 * match, several (Spring ranks them and reports ties), a CORS pre-flight, or a path Spring finds by its own
 * literal lookup are left to Spring's lookup as before.
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

        /** False: every lookup is Spring's own (filtered by prefix), for tests that compare the two. */
        volatile boolean indexed = true;

        /** Lookups the index answered (for tests). */
        final java.util.concurrent.atomic.AtomicLong answered = new java.util.concurrent.atomic.AtomicLong();

        /** The mappings by prefix and the literal paths Spring looks up itself; null when to be built again. */
        private volatile Index index;

        private record Entry(RequestMappingInfo info, HandlerMethod handler) {}

        private record Index(Map<String, List<Entry>> byPrefix, Set<String> direct) {}

        @Override
        protected HandlerMethod lookupHandlerMethod(String path, HttpServletRequest request) throws Exception {
            // Case-insensitive patterns would need a case-insensitive prefix: such a parser is not filtered.
            boolean plain = path.indexOf('%') < 0
                    && path.indexOf(';') < 0
                    && getPatternParser() != null
                    && getPatternParser().isCaseSensitive();
            if (plain && indexed && !CorsUtils.isPreFlightRequest(request)) {
                Index current = index();
                if (!current.direct().contains(path)) {
                    RequestMappingInfo found = null;
                    HandlerMethod handler = null;
                    int matches = 0;
                    for (int end = 0; end >= 0 && matches < 2; end = path.indexOf('/', end + 1)) {
                        matches += matchAmong(current.byPrefix().get(path.substring(0, end)), request, matches);
                        if (matches == 1 && found == null) {
                            found = lastMatch.get().info();
                            handler = lastMatch.get().handler();
                        }
                    }
                    if (matches < 2) {
                        matches += matchAmong(current.byPrefix().get(path), request, matches);
                        if (matches == 1 && found == null) {
                            found = lastMatch.get().info();
                            handler = lastMatch.get().handler();
                        }
                    }
                    lastMatch.remove();
                    if (matches == 1) {
                        answered.incrementAndGet();
                        request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
                        handleMatch(found, path, request);
                        return handler;
                    }
                }
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

        private final ThreadLocal<Entry> lastMatch = new ThreadLocal<>();

        /** How many of {@code entries} match (each a different mapping); the last match is kept in {@link #lastMatch}. */
        private int matchAmong(List<Entry> entries, HttpServletRequest request, int before) {
            if (entries == null) {
                return 0;
            }
            int n = 0;
            for (Entry e : entries) {
                RequestMappingInfo match = super.getMatchingMapping(e.info(), request);
                if (match != null) {
                    n++;
                    lastMatch.set(new Entry(match, e.handler()));
                    if (before + n > 1) {
                        return n;
                    }
                }
            }
            return n;
        }

        private Index index() {
            Index current = index;
            if (current == null) {
                synchronized (this) {
                    current = index;
                    if (current == null) {
                        Map<String, List<Entry>> byPrefix = new HashMap<>();
                        Set<String> direct = new HashSet<>();
                        getHandlerMethods().forEach((info, handler) -> {
                            direct.addAll(info.getDirectPaths());
                            // A mapping with several patterns is filed once under each of its distinct prefixes;
                            // two of them can only both hold for one path when one prefix is the other's ancestor,
                            // and then it is counted twice: Spring decides (several matches).
                            for (String prefix : new java.util.LinkedHashSet<>(List.of(prefixesOf(info)))) {
                                byPrefix.computeIfAbsent(prefix, k -> new ArrayList<>())
                                        .add(new Entry(info, handler));
                            }
                        });
                        current = new Index(byPrefix, direct);
                        index = current;
                    }
                }
            }
            return current;
        }

        @Override
        protected void registerHandlerMethod(
                Object handler, java.lang.reflect.Method method, RequestMappingInfo mapping) {
            super.registerHandlerMethod(handler, method, mapping);
            index = null;
        }

        @Override
        public void registerMapping(RequestMappingInfo mapping, Object handler, java.lang.reflect.Method method) {
            super.registerMapping(mapping, handler, method);
            index = null;
        }

        @Override
        public void unregisterMapping(RequestMappingInfo mapping) {
            super.unregisterMapping(mapping);
            index = null;
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
