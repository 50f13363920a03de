package org.rpmsync.organization;

/** What the sign-in check needs: the member and the stored password hash (never leaves the server). */
public record StaffLogin(StaffMember member, String passwordHash) {
}
