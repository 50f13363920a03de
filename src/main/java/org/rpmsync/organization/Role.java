package org.rpmsync.organization;

/** What a staff member may do. Platform admins belong to no organization. */
public enum Role {
    PLATFORM_ADMIN,
    ORG_ADMIN,
    PRACTITIONER;

    public String label() {
        return switch (this) {
            case PLATFORM_ADMIN -> "Platform admin";
            case ORG_ADMIN -> "Organization admin";
            case PRACTITIONER -> "Practitioner";
        };
    }

    /** A role staff of an organization can have, as a form or request names it (ORG_ADMIN or PRACTITIONER). */
    public static Role inOrganization(String role) {
        if ("ORG_ADMIN".equals(role) || "PRACTITIONER".equals(role)) {
            return Role.valueOf(role);
        }
        throw new OrganizationException("invalid_input", "role: choose ORG_ADMIN or PRACTITIONER");
    }
}
