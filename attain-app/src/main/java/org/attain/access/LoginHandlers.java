package org.attain.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * What happens after a login attempt: audit it, feed the throttle, and answer with a generic
 * message that never says whether the login name exists.
 */
@Component
class LoginHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private final AuditLog audit;
    private final LoginThrottle throttle;
    private final ClientAddress clients;
    private final SavedRequestAwareAuthenticationSuccessHandler next =
            new SavedRequestAwareAuthenticationSuccessHandler();

    LoginHandlers(AuditLog audit, LoginThrottle throttle, ClientAddress clients) {
        this.audit = audit;
        this.throttle = throttle;
        this.clients = clients;
        next.setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, jakarta.servlet.ServletException {
        throttle.succeeded(authentication.getName());
        audit.record(
                authentication.getName(),
                "LOGIN",
                "user",
                authentication.getName(),
                null,
                null,
                "from " + clients.of(request));
        next.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String username = request.getParameter("username");
        String name = username == null ? "" : username.trim();
        if (exception instanceof LoginThrottledException throttled) {
            response.sendRedirect(request.getContextPath() + "/login?wait=" + throttled.secondsToWait());
            return;
        }
        String address = clients.of(request);
        throttle.failed(name, address);
        // The attempted name is kept for forensics but capped: it is user input, not an identity.
        String actor = name.length() > 64 ? name.substring(0, 64) : name;
        audit.record(actor.isEmpty() ? "-" : actor, "LOGIN_FAILED", "user", null, null, null, "from " + address);
        response.sendRedirect(request.getContextPath() + "/login?error");
    }
}
