/** The demo clinic of the {@code demo} profile: seeded data, linked to the Tenovi simulator, printed sign-ins. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"organization", "clients", "tenovi", "integrations"})
package org.rpmsync.demo;
