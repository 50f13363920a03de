package org.rpmsync.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.JacksonModule;

/**
 * The edge every request passes: the text check before anything reads a parameter, the JSON string rule, and
 * Tomcat's own error report (requests refused before the app sees them) replaced by {@link MachineErrorValve}.
 */
@Configuration(proxyBeanMethods = false)
class WebEdge {

    @Bean
    FilterRegistrationBean<RequestText> requestText() {
        FilterRegistrationBean<RequestText> registration = new FilterRegistrationBean<>(new RequestText());
        // After the character-encoding filter (which must run before parameters are read), before security.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<UnavailableRequests> unavailableRequests() {
        FilterRegistrationBean<UnavailableRequests> registration = new FilterRegistrationBean<>(new UnavailableRequests());
        // Around everything that may need the database, the session filter included (spring.session.servlet.filter-order
        // puts it at +7, before the text check, which may keep a flash message in the session).
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    @Bean
    JacksonModule storableStrings() {
        return new StorableStrings();
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> machineErrorReports() {
        return new WebServerFactoryCustomizer<>() {
            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                factory.addContextCustomizers(context -> {
                    var pipeline = context.getParent().getPipeline();
                    for (Valve valve : pipeline.getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            pipeline.removeValve(valve);
                        }
                    }
                    // The host creates its error report valve from this class when it starts.
                    if (context.getParent() instanceof StandardHost host) {
                        host.setErrorReportValveClass(MachineErrorValve.class.getName());
                    }
                });
            }
        };
    }
}
