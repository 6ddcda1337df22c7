package org.attain.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.stereotype.Component;

/**
 * The one OpenID Connect provider of {@link SsoSettings}. Its metadata is read at the first SSO login,
 * not at start: the application starts (and form login works) while the provider is unreachable.
 */
@Component
class SsoRegistrations implements ClientRegistrationRepository {

    private static final Logger log = LoggerFactory.getLogger(SsoRegistrations.class);

    private final SsoSettings settings;
    private volatile ClientRegistration registration;

    SsoRegistrations(SsoSettings settings) {
        this.settings = settings;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!settings.enabled() || !SsoSettings.REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration;
        if (known != null) {
            return known;
        }
        try {
            known = ClientRegistrations.fromIssuerLocation(settings.issuerUri())
                    .registrationId(SsoSettings.REGISTRATION_ID)
                    .clientId(settings.clientId())
                    .clientSecret(settings.clientSecret())
                    .scope(settings.scopes())
                    .userNameAttributeName("sub")
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .clientName(settings.providerName())
                    .build();
            registration = known;
            return known;
        } catch (RuntimeException e) {
            // The message names the issuer, never the secret.
            log.warn("Single sign-on provider {} could not be read: {}", settings.issuerUri(), e.getMessage());
            return null;
        }
    }
}
