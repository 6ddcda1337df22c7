package org.attain.access;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Three doors: the API (session or bearer token, 401 instead of a redirect), the operations
 * endpoints, and the pages (form login with CSRF). Who may see whose data is not decided here but
 * in {@link Visibility}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    ProviderManager authenticationManager(UserAccounts users, PasswordEncoder encoder, LoginThrottle throttle) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        return new ProviderManager(new ThrottledAuthenticationProvider(dao, throttle));
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/openapi", "/api/v1/openapi/**", "/api/docs", "/api/docs/**").permitAll()
                        .anyRequest().authenticated())
                .addFilterAfter(new BearerTokenFilter(tokens), SecurityContextHolderFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED))
                        .accessDeniedHandler((req, res, ex) ->
                                ProblemResponses.write(res, 403, "Forbidden", "You may not do this.")))
                // Token calls carry no cookie, so CSRF cannot apply to them; session calls keep CSRF.
                .csrf(c -> c.ignoringRequestMatchers(SecurityConfig::hasBearerToken));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain operations(HttpSecurity http, ApiTokens tokens) throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .anyRequest().hasRole(Role.ADMIN.name()))
                .addFilterAfter(new BearerTokenFilter(tokens), SecurityContextHolderFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .csrf(c -> c.ignoringRequestMatchers(SecurityConfig::hasBearerToken));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, LoginHandlers handlers, ProviderManager passwordLogin, ClientAddress clients)
            throws Exception {
        http.authenticationManager(passwordLogin)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/setup", "/css/**", "/js/**", "/img/**", "/webjars/**",
                                "/favicon.ico", "/error", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/admin/**").hasAnyRole(Role.ADMIN.name(), Role.COMP_ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login")
                        // The throttle counts per client, which behind a trusted proxy is not the connection's peer.
                        .authenticationDetailsSource(request -> new WebAuthenticationDetails(clients.of(request),
                                request.getSession(false) == null ? null : request.getSession(false).getId()))
                        .successHandler(handlers)
                        .failureHandler(handlers)
                        .permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
        return http.build();
    }

    private static boolean hasBearerToken(HttpServletRequest request) {
        String h = request.getHeader("Authorization");
        return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7);
    }
}
