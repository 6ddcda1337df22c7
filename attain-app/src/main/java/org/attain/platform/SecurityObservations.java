package org.attain.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Spring Security records no observations of its own (application.yml has long switched them off:
 * they fed no metric or page). That setting only dropped them one by one: every filter of every
 * request was still wrapped, named and offered to the registry, a few per cent of a request's CPU.
 * Saying so here keeps Spring Security from wrapping its filters at all. The
 * {@code http.server.requests} observation of each request is not affected.
 */
@Configuration(proxyBeanMethods = false)
class SecurityObservations {

    @Bean
    SecurityObservationSettings noSpringSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }
}
