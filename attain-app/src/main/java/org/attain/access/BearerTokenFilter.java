package org.attain.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Accepts {@code Authorization: Bearer att_...} on the API. A read-only token may only read;
 * a bad or revoked token is a 401 with no hint which part was wrong; a token over its
 * {@link TokenRateLimit} is a 429 with {@code Retry-After}.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final TokenRateLimit limit;

    BearerTokenFilter(ApiTokens tokens, TokenRateLimit limit) {
        this.tokens = tokens;
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String secret = header.substring(7).trim();
        var user = tokens.authenticate(secret);
        if (user.isEmpty()) {
            ProblemResponses.write(response, 401, "Unauthorized", "The API token is missing, invalid or revoked.");
            return;
        }
        long waitMillis = limit.take(ApiTokens.sha256(secret));
        if (waitMillis > 0) {
            long seconds = Math.max(1, (waitMillis + 999) / 1000);
            response.setHeader("Retry-After", Long.toString(seconds));
            ProblemResponses.write(
                    response,
                    429,
                    "Too Many Requests",
                    "This API token made more than " + limit.requests() + " requests in "
                            + limit.window().toSeconds() + " s; try again in " + seconds + " s.");
            return;
        }
        Set<String> scopes = user.get().tokenScopes();
        if (!scopes.contains("read") && !scopes.contains("write")) {
            ProblemResponses.write(response, 403, "Forbidden", "This API token has neither 'read' nor 'write' scope.");
            return;
        }
        boolean reading = HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
        if (!reading && !user.get().tokenScopes().contains("write")) {
            ProblemResponses.write(response, 403, "Forbidden", "This API token has no 'write' scope.");
            return;
        }
        var auth = UsernamePasswordAuthenticationToken.authenticated(
                user.get(), null, user.get().getAuthorities());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
