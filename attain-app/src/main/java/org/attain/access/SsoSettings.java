package org.attain.access;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Single sign-on with OpenID Connect, off unless {@code attain.sso.issuer-uri} is set.
 *
 * @param issuerUri the provider's issuer (its /.well-known/openid-configuration is read at the first SSO login)
 * @param clientId this application's client id at the provider
 * @param clientSecret its secret (never logged)
 * @param providerName shown on the login page as "Sign in with …"
 * @param rolesClaim the claim holding the user's groups or roles (a list or a single string)
 * @param roleMapping claim value → Attain role; values not listed grant nothing
 * @param usernameClaim the claim that becomes the Attain user name
 * @param personClaim the claim linking to a person: compared with a person's e-mail or employee id
 * @param scopes scopes asked for
 */
@ConfigurationProperties("attain.sso")
public record SsoSettings(
        String issuerUri,
        String clientId,
        String clientSecret,
        String providerName,
        String rolesClaim,
        Map<String, Role> roleMapping,
        String usernameClaim,
        String personClaim,
        List<String> scopes) {

    public static final String REGISTRATION_ID = "sso";

    public SsoSettings {
        providerName = blank(providerName) ? "single sign-on" : providerName;
        rolesClaim = blank(rolesClaim) ? "groups" : rolesClaim;
        usernameClaim = blank(usernameClaim) ? "email" : usernameClaim;
        personClaim = blank(personClaim) ? "email" : personClaim;
        roleMapping = roleMapping == null ? Map.of() : new LinkedHashMap<>(roleMapping);
        scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile", "email") : List.copyOf(scopes);
    }

    public boolean enabled() {
        return !blank(issuerUri) && !blank(clientId);
    }

    /** The roles the given claim values map to; a value is compared as written, then without case. */
    public Set<Role> rolesFor(Iterable<String> claimValues) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : claimValues) {
            Role role = roleMapping.get(value);
            if (role == null) {
                role = roleMapping.entrySet().stream()
                        .filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT)))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElse(null);
            }
            if (role != null) {
                roles.add(role);
            }
        }
        return roles;
    }

    @Override
    public String toString() {
        return "SsoSettings[issuer=" + issuerUri + ", clientId=" + clientId + ", secret=***]";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
