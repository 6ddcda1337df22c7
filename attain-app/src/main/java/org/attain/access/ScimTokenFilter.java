package org.attain.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The only way into /scim/v2: {@code Authorization: Bearer att_...} of a live token with the
 * {@value ApiTokens#SCIM_SCOPE} scope, owned by an admin. No token or a bad one is 401, a token without
 * the scope or owner without the role 403, both as SCIM errors.
 */
class ScimTokenFilter extends OncePerRequestFilter {

    static final String SCIM_JSON = "application/scim+json";

    private final ApiTokens tokens;

    ScimTokenFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"scim\"");
            error(response, 401, "A bearer token with the 'scim' scope is required.");
            return;
        }
        var user = tokens.authenticate(header.substring(7).trim());
        if (user.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"scim\", error=\"invalid_token\"");
            error(response, 401, "The token is invalid or revoked.");
            return;
        }
        if (!user.get().tokenScopes().contains(ApiTokens.SCIM_SCOPE)
                || !user.get().has(Role.ADMIN)) {
            error(response, 403, "This token has no 'scim' scope or its owner is not an admin.");
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user.get(), null, user.get().getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** A SCIM error document (RFC 7644 section 3.12). */
    static void error(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(SCIM_JSON);
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"" + status
                        + "\",\"detail\":\"" + detail.replace("\"", "'") + "\"}");
    }
}
