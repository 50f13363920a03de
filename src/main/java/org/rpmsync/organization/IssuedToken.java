package org.rpmsync.organization;

/** A freshly created token: {@code secret} is shown this one time and stored only as a hash. */
public record IssuedToken(ApiToken token, String secret) {
}
