package org.rpmsync.organization;

/** A staff member's account was deactivated: their sessions end (on every instance) and they cannot sign in. */
public record StaffDeactivated(OrganizationId organization, String email) {
}
