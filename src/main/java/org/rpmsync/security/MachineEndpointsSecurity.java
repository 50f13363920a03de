package org.rpmsync.security;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Endpoints called by machines that authenticate themselves in their own way: the Tenovi simulator
 * (checks {@code Api-Key} itself, like Tenovi) and the Tenovi webhook (checks its configured secret, in constant
 * time). No session, no CSRF, no login redirect.
 */
@Configuration(proxyBeanMethods = false)
class MachineEndpointsSecurity {

    private static final String WEBHOOKS = "/webhooks/";

    /**
     * The webhook's chain is as lean as the security headers allow: no security context, session, request cache,
     * anonymous user, CSRF, logout or authorization filter (nothing here authenticates; the endpoint checks the
     * secret), and its passes through the filter chain are not observed ({@link #webhookChainUnobserved()}). Under
     * load every filter is paid per delivery.
     */
    @Bean
    @Order(0)
    SecurityFilterChain webhooks(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(WEBHOOKS + "**")
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

    /** Spring Security's own observations (filter chain, authorization) are skipped for webhook deliveries. */
    @Bean
    ObservationPredicate webhookChainUnobserved() {
        return (name, context) -> !(name.startsWith("spring.security.") && webhookRequest());
    }

    private static boolean webhookRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getRequest().getRequestURI().startsWith(WEBHOOKS);
    }
}
