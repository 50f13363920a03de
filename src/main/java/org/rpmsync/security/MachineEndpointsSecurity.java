package org.rpmsync.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Endpoints called by machines that authenticate themselves in their own way: the Tenovi simulator
 * (checks {@code Api-Key} itself, like Tenovi) and the Tenovi webhook (checks its configured secret, in constant
 * time). No session, no CSRF, no login redirect.
 */
@Configuration(proxyBeanMethods = false)
class MachineEndpointsSecurity {

    private static final String WEBHOOKS = "/webhooks/";

    /**
     * The chain for what the webhook's front door ({@code ingest.WebhookFront}) passes on: paths under
     * {@code /webhooks/} that are not one webhook key. As lean as the security headers allow (the same
     * {@link MachineAnswerHeaders} as the door's): no security context, session, request cache, anonymous user, CSRF,
     * logout or authorization filter; nothing here authenticates.
     */
    @Bean
    @Order(0)
    SecurityFilterChain webhooks(HttpSecurity http, MachineAnswerHeaders headers) throws Exception {
        return http
                .securityMatcher(WEBHOOKS + "**")
                .headers(h -> h.defaultsDisabled().addHeaderWriter(headers))
                .csrf(csrf -> csrf.disable())
                .securityContext(c -> c.disable())
                .sessionManagement(s -> s.disable())
                .requestCache(c -> c.disable())
                .anonymous(a -> a.disable())
                .logout(l -> l.disable())
                .servletApi(s -> s.disable())
                .exceptionHandling(e -> e.disable())
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain machineEndpoints(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/simulator/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .build();
    }
}
