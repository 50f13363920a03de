package org.rpmsync.security;

import org.rpmsync.organization.StaffAccounts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/** The web pages: form sign-in, CSRF on every form, strict security headers, access by role. */
@Configuration(proxyBeanMethods = false)
class PageSecurity {

    /** Pages and files anybody may open, signed in or not. */
    static final String[] PUBLIC = {"/login", "/assets/**", "/webjars/**", "/favicon.ico", "/error", "/swagger-ui/**",
            "/password-reset"};

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'";

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, LoginThrottle throttle, StaffAccounts staff) throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers("/admin/**").hasRole("PLATFORM_ADMIN")
                        .requestMatchers("/settings/**").hasRole("ORG_ADMIN")
                        .requestMatchers("/clients/**", "/organization/**").hasAnyRole("ORG_ADMIN", "PRACTITIONER")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").failureUrl("/login?error").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut").deleteCookies("SESSION"))
                .addFilterBefore(throttle.filter(), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new ActiveStaffCheck(staff), AuthorizationFilter.class)
                .addFilterBefore(new EndedSessionPage(), UsernamePasswordAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
                .build();
    }
}
