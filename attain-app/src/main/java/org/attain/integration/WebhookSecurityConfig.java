package org.attain.integration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Inbound webhooks carry no session and no API token: a CRM proves who it is with the HMAC
 * signature, which {@code web.WebhookInApi} checks against the source's secret. So this one path is
 * open to the filter chain, stateless and without CSRF, ahead of the general API chain.
 */
@Configuration(proxyBeanMethods = false)
class WebhookSecurityConfig {

    @Bean
    @Order(0)
    SecurityFilterChain inboundWebhooks(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/v1/webhooks/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
        return http.build();
    }
}
