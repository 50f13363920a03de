/** The demo clinic of the {@code demo} profile: seeded data and printed sign-in details. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"organization"})
package org.rpmsync.demo;
