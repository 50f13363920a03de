package org.rpmsync.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where staff and Tenovi reach this installation ({@code rpmsync.public-base-url}, e.g.
 * {@code https://rpm.example-clinic.org}): the links in reset e-mails and the webhook URL given to Tenovi.
 *
 * @param publicBaseUrl scheme, host and port, with or without a trailing slash
 */
@ConfigurationProperties("rpmsync")
public record PublicAddress(@DefaultValue("http://localhost:8080") String publicBaseUrl) {

    /** The full address of a path here, e.g. {@code /password-reset}. */
    public String of(String path) {
        String base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        return base + path;
    }
}
