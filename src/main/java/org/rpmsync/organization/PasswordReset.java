package org.rpmsync.organization;

import java.time.Instant;

/**
 * A reset link just issued for {@code member}: {@code link} is shown to the admin once, or null when it was
 * e-mailed to the member instead ({@code mailed}).
 */
public record PasswordReset(StaffMember member, String link, Instant expiresAt, boolean mailed) {
}
