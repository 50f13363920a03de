package org.rpmsync.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Endpoints called by machines that authenticate themselves in their own way: the Tenovi simulator
 * (checks {@code Api-Key} itself, like Tenovi) and the Tenovi webhook (checks its configured secret).
 * No session, no CSRF, no login redirect.
 */
@Configuration(proxyBeanMethods = false)
class MachineEndpointsSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain machineEndpoints(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/simulator/**", "/webhooks/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .build();
    }
}
