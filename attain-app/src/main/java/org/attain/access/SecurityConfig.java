package org.attain.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three doors: the API (session or bearer token, 401 instead of a redirect), the operations
 * endpoints, and the pages (form login with CSRF). Who may see whose data is not decided here but
 * in org.Visibility.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SsoSettings.class)
class SecurityConfig {

    /**
     * Every response, pages and API alike. Scripts and styles come only from the application's own
     * files (its js/css and the ECharts and htmx WebJars): no 'unsafe-inline', no 'unsafe-eval' and
     * no nonces, which rendered pages reused across responses could not carry. Pages therefore have
     * no inline script, event handler or style attribute; data for scripts travels in data-*
     * attributes or JSON data blocks. data: images are for icons in style sheets (Swagger UI's).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * The one exception: Swagger UI (a third-party page for developers) applies inline styles, so its
     * pages allow them; its scripts are still only its own files.
     */
    static final String SWAGGER_UI_POLICY =
            CONTENT_SECURITY_POLICY.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';");

    private static final RequestMatcher SWAGGER_UI = request -> {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/swagger-ui/") || path.startsWith("/swagger-ui/") || path.startsWith("/api/docs");
    };

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Browser sessions by user, so that deactivating a user can end theirs (UserSessions). */
    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the session registry when the servlet container ends a session. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    /**
     * SCIM 2.0 provisioning: only an admin's token with the 'scim' scope; no session, no cookie, so no
     * CSRF; errors in SCIM's own format.
     */
    @Bean
    @Order(0)
    SecurityFilterChain scim(HttpSecurity http, ApiTokens tokens) throws Exception {
        http.securityMatcher("/scim/**")
                .authorizeHttpRequests(a -> a.anyRequest().hasRole(Role.ADMIN.name()))
                .addFilterAfter(new ScimTokenFilter(tokens), SecurityContextHolderFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(
                                (req, res, ex) -> ScimTokenFilter.error(res, 401, "Authentication required."))
                        .accessDeniedHandler((req, res, ex) -> ScimTokenFilter.error(res, 403, "Forbidden.")))
                .csrf(c -> c.disable())
                .headers(SecurityConfig::headers);
        return http.build();
    }

    @Bean
    ProviderManager authenticationManager(UserAccounts users, PasswordEncoder encoder, LoginThrottle throttle) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        return new ProviderManager(new ThrottledAuthenticationProvider(dao, throttle));
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, TokenRateLimit limit) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.requestMatchers(
                                "/api/v1/openapi",
                                "/api/v1/openapi/**",
                                "/api/v1/openapi.yaml",
                                "/api/docs",
                                "/api/docs/**")
                        .permitAll()
                        // Writes whose handlers read and validate a body before their own role check: refused here
                        // first (the handlers still check), so a wrong role meets a 403, not the body's rules.
                        .requestMatchers(HttpMethod.PUT, "/api/v1/users/*/roles")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/v1/people",
                                "/api/v1/imports",
                                "/api/v1/plans",
                                "/api/v1/plans/check",
                                "/api/v1/plans/validate")
                        .hasAnyRole(Role.ADMIN.name(), Role.COMP_ADMIN.name())
                        .requestMatchers(HttpMethod.PUT, "/api/v1/forecast/stages")
                        .hasAnyRole(Role.ADMIN.name(), Role.COMP_ADMIN.name())
                        .requestMatchers(HttpMethod.PUT, "/api/v1/budgets", "/api/v1/budgets/actuals")
                        .hasAnyRole(Role.FINANCE.name(), Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/budgets/import")
                        .hasAnyRole(Role.FINANCE.name(), Role.ADMIN.name())
                        .anyRequest()
                        .authenticated())
                .addFilterAfter(new BearerTokenFilter(tokens, limit), SecurityContextHolderFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED))
                        .accessDeniedHandler((req, res, ex) ->
                                ProblemResponses.write(res, 403, "Forbidden", "You may not do this.")))
                // Token calls carry no cookie, so CSRF cannot apply to them; session calls keep CSRF.
                .csrf(c -> c.ignoringRequestMatchers(SecurityConfig::hasBearerToken))
                .headers(SecurityConfig::headers);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain operations(HttpSecurity http, ApiTokens tokens, TokenRateLimit limit) throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(
                        a -> a.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                                .permitAll()
                                .anyRequest()
                                .hasRole(Role.ADMIN.name()))
                .addFilterAfter(new BearerTokenFilter(tokens, limit), SecurityContextHolderFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .csrf(c -> c.ignoringRequestMatchers(SecurityConfig::hasBearerToken))
                .headers(SecurityConfig::headers);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(
            HttpSecurity http,
            LoginHandlers handlers,
            ProviderManager passwordLogin,
            ClientAddress clients,
            SessionRegistry sessions,
            SsoSettings sso,
            SsoRegistrations registrations,
            SsoLogin ssoLogin)
            throws Exception {
        // The pages' one authentication manager: passwords, and (when configured) the OpenID Connect code exchange.
        http.authenticationManager(
                        sso.enabled()
                                ? new ProviderManager(List.of(
                                        passwordLogin.getProviders().get(0),
                                        new OidcAuthorizationCodeAuthenticationProvider(
                                                new RestClientAuthorizationCodeTokenResponseClient(), ssoLogin)))
                                : passwordLogin)
                .authorizeHttpRequests(a -> a.requestMatchers(
                                "/login",
                                "/login/sso-refused",
                                "/setup",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/error",
                                "/swagger-ui/**",
                                "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers("/admin/**")
                        .hasAnyRole(Role.ADMIN.name(), Role.COMP_ADMIN.name())
                        .anyRequest()
                        .authenticated())
                .formLogin(f -> f.loginPage("/login")
                        // The throttle counts per client, which behind a trusted proxy is not the connection's peer.
                        .authenticationDetailsSource(request -> new WebAuthenticationDetails(
                                clients.of(request),
                                request.getSession(false) == null
                                        ? null
                                        : request.getSession(false).getId()))
                        .successHandler(handlers)
                        .failureHandler(handlers)
                        .permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                // Unlimited sessions per user, but each one tracked so that it can be ended (UserSessions).
                .sessionManagement(
                        s -> s.maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/login?expired"))
                .headers(SecurityConfig::headers);
        if (sso.enabled()) {
            http.addFilterBefore(
                    new SsoUnreachable(registrations),
                    org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter.class);
            http.oauth2Login(o -> o.loginPage("/login")
                    .clientRegistrationRepository(registrations)
                    .userInfoEndpoint(u -> u.oidcUserService(ssoLogin))
                    .successHandler(ssoLogin)
                    .failureHandler(ssoLogin)
                    .permitAll());
        }
        return http.build();
    }

    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        SWAGGER_UI, new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_POLICY)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        new NegatedRequestMatcher(SWAGGER_UI),
                        new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
    }

    private static boolean hasBearerToken(HttpServletRequest request) {
        String h = request.getHeader("Authorization");
        return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7);
    }
}
