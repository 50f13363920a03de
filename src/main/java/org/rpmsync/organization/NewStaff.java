package org.rpmsync.organization;

import java.util.Locale;

/** A staff member to add. The email is stored lower-case; the password is hashed before it is stored. */
public record NewStaff(String email, String name, Role role, String password) {

    public NewStaff {
        email = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        name = name == null ? "" : name.strip();
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 320) {
            throw new OrganizationException("invalid_input", "email: enter a valid email address");
        }
        if (name.isEmpty() || name.length() > 200) {
            throw new OrganizationException("invalid_input", "name: must be 1 to 200 characters");
        }
        if (role == null) {
            throw new OrganizationException("invalid_input", "role: choose ORG_ADMIN or PRACTITIONER");
        }
        checkPassword(password);
    }

    /** The one password rule: 12 to 128 characters. */
    public static void checkPassword(String password) {
        if (password == null || password.length() < 12 || password.length() > 128) {
            throw new OrganizationException("invalid_input", "password: use 12 to 128 characters");
        }
    }
}
