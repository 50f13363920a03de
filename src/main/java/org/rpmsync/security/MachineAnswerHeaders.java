package org.rpmsync.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.CompositeHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.stereotype.Component;

/**
 * The security headers of answers to machines that authenticate themselves (Spring Security's defaults:
 * {@code X-Content-Type-Options: nosniff}, {@code X-XSS-Protection: 0}, no caching, {@code X-Frame-Options: DENY},
 * HSTS over HTTPS). The webhook chain writes them through Spring Security; the webhook's front door, which answers
 * before any security filter runs, writes the same ones itself.
 */
@Component
public class MachineAnswerHeaders implements HeaderWriter {

    private final HeaderWriter writers = new CompositeHeaderWriter(List.of(
            new XContentTypeOptionsHeaderWriter(),
            new XXssProtectionHeaderWriter(),
            new CacheControlHeadersWriter(),
            new HstsHeaderWriter(),
            new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY)));

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        writers.writeHeaders(request, response);
    }
}
