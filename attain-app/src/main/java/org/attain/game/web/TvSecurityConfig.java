package org.attain.game.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * TV screens carry no login: the token in {@code /tv/{token}} is the key, checked by {@link TvPage}. So this path
 * is open, stateless and read-only (GET only), with the same content security policy as every page.
 */
@Configuration(proxyBeanMethods = false)
class TvSecurityConfig {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'; "
            + "frame-ancestors 'none'";

    @Bean
    @Order(0)
    SecurityFilterChain tvScreens(HttpSecurity http) throws Exception {
        http.securityMatcher("/tv/**")
                .authorizeHttpRequests(a -> a.requestMatchers(org.springframework.http.HttpMethod.GET, "/tv/**")
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(POLICY)));
        return http.build();
    }
}
