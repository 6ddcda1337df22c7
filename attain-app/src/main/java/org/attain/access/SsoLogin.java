package org.attain.access;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * OpenID Connect login: the provider's claims name the user, their roles (through
 * {@link SsoSettings#roleMapping()}) and their person. A first login creates the account (just in
 * time); later logins bring its roles up to date. Claims that map to no role are refused, and so is an
 * account that provisioning deactivated. After login the session holds the same {@link AttainUser} as a
 * form login's, so every page and check treats both alike.
 */
@Component
class SsoLogin
        implements OAuth2UserService<OidcUserRequest, OidcUser>,
                AuthenticationSuccessHandler,
                AuthenticationFailureHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SsoLogin.class);

    static final String NO_ROLE = "attain_no_role";
    static final String DISABLED = "attain_disabled";
    static final String NO_NAME = "attain_no_username";

    private final SsoSettings settings;
    private final UserAccounts users;
    private final AuditLog audit;
    private final ClientAddress clients;
    private final OidcUserService delegate = new OidcUserService();
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SsoLogin(SsoSettings settings, UserAccounts users, AuditLog audit, ClientAddress clients) {
        this.settings = settings;
        this.users = users;
        this.audit = audit;
        this.clients = clients;
    }

    /** The provider's user with the Attain account it signed in as. */
    static final class SsoUser extends DefaultOidcUser {
        private final long userId;

        SsoUser(
                OidcUser oidc,
                long userId,
                Collection<? extends org.springframework.security.core.GrantedAuthority> a) {
            super(a, oidc.getIdToken(), oidc.getUserInfo(), "sub");
            this.userId = userId;
        }

        long userId() {
            return userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SsoUser other && other.userId == userId;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(userId);
        }
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser oidc = delegate.loadUser(request);
        String username = claim(oidc.getClaims(), settings.usernameClaim());
        if (username == null) {
            throw refused(NO_NAME, "-", "the claim " + settings.usernameClaim() + " is missing");
        }
        Set<Role> roles = settings.rolesFor(claimValues(oidc.getClaims().get(settings.rolesClaim())));
        if (roles.isEmpty()) {
            throw refused(NO_ROLE, username, "no role maps from the claim " + settings.rolesClaim());
        }
        Long personId = users.personByEmailOrEmployeeId(claim(oidc.getClaims(), settings.personClaim()))
                .orElse(null);
        AttainUser user = users.find(username).orElse(null);
        long userId;
        if (user == null) {
            userId = users.createWithoutPassword(username, personId, roles, null, "sso");
        } else {
            if (!user.isEnabled()) {
                throw refused(DISABLED, username, "the account is deactivated");
            }
            userId = user.userId();
            if (!user.roles().equals(roles)) {
                users.changeRoles(userId, roles, "sso");
            }
            if (personId != null && !personId.equals(user.personId())) {
                users.linkPerson(userId, personId);
            }
        }
        AttainUser signedIn = users.findById(userId).orElseThrow();
        return new SsoUser(oidc, userId, signedIn.getAuthorities());
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        if (!(authentication.getPrincipal() instanceof SsoUser sso)) {
            response.sendRedirect(request.getContextPath() + "/login?error");
            return;
        }
        AttainUser user = users.findById(sso.userId()).orElseThrow();
        user.eraseCredentials();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        audit.record(
                user.getUsername(),
                "LOGIN",
                "user",
                user.getUsername(),
                null,
                null,
                "single sign-on from " + clients.of(request));
        response.sendRedirect(request.getContextPath() + "/");
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String code = exception instanceof OAuth2AuthenticationException o
                ? o.getError().getErrorCode()
                : "";
        String reason = switch (code) {
            case NO_ROLE -> "norole";
            case DISABLED -> "disabled";
            default -> "failed";
        };
        String error = code.replaceAll("[^a-z_]", "");
        response.sendRedirect(request.getContextPath() + "/login/sso-refused?reason=" + reason
                + (reason.equals("failed") && !error.isEmpty() ? "&error=" + error : ""));
    }

    private OAuth2AuthenticationException refused(String code, String username, String why) {
        audit.record(username, "LOGIN_FAILED", "user", null, null, null, "single sign-on refused: " + why);
        return new OAuth2AuthenticationException(new OAuth2Error(code, why, null), why);
    }

    private static String claim(Map<String, Object> claims, String name) {
        Object v = claims.get(name);
        return v == null || v.toString().isBlank() ? null : v.toString().trim();
    }

    static List<String> claimValues(Object raw) {
        if (raw instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        if (raw instanceof String s && !s.isBlank()) {
            return List.of(s.split("[,\\s]+"));
        }
        return List.of();
    }
}
