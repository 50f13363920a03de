/** Sign-in, bearer tokens for the API, the current organization, security headers and rate limits. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"organization", "audit", "cluster"})
package org.rpmsync.security;
