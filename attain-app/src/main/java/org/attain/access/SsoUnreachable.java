package org.attain.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * "Sign in with …" while the provider cannot be read: Spring Security would answer the click with a bare 500; the
 * user is sent to the refusal page instead, which says the provider is not reachable (EN/DE) and offers the login
 * page. {@link SsoRegistrations} has already logged why, naming the issuer.
 */
final class SsoUnreachable extends OncePerRequestFilter {

    static final String START = "/oauth2/authorization/" + SsoSettings.REGISTRATION_ID;

    private final ClientRegistrationRepository registrations;

    SsoUnreachable(ClientRegistrationRepository registrations) {
        this.registrations = registrations;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !START.equals(
                request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (registrations.findByRegistrationId(SsoSettings.REGISTRATION_ID) == null) {
            response.sendRedirect(request.getContextPath() + "/login/sso-refused?reason=unreachable");
            return;
        }
        chain.doFilter(request, response);
    }
}
