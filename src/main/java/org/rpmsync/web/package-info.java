/** Layout, navigation, error pages and the problem+json format shared by every API. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.rpmsync.web;
