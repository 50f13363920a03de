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
}
