package org.rpmsync.security;

import org.rpmsync.cluster.RateLimit;
import org.rpmsync.cluster.SharedLimits;
import org.rpmsync.organization.ApiTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * {@code /api/**} and operations endpoints: stateless bearer tokens. An organization token acts inside its
 * organization only; a platform token acts on {@code /api/v1/admin/**} only. Wrong scope, like no token, is 401.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurity {

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ProblemResponses problems, SharedLimits limits,
                            ApiBudget budget) throws Exception {
        return http
                .securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/docs", "/api/docs/**", "/api/swagger-ui/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/prometheus").hasRole("PLATFORM_TOKEN")
                        .requestMatchers("/api/v1/admin/**").hasRole("PLATFORM_TOKEN")
                        .requestMatchers("/api/v1/**").hasRole("ORG_TOKEN")
                        .anyRequest().denyAll())
                .addFilterBefore(new BearerTokenFilter(tokens, problems), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new ApiRateLimit(limits,
                        new RateLimit("api-token", budget.burst(), budget.requestsPerSecond()), problems), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problems.unauthorized(res))
                        .accessDeniedHandler((req, res, ex) -> problems.unauthorized(res)))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")))
                .build();
    }
}
