package org.rpmsync.security;

import org.rpmsync.organization.StaffAccounts;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Looks staff up by email for the sign-in form. */
@Component
class StaffSignIn implements UserDetailsService {

    private final StaffAccounts staff;

    StaffSignIn(StaffAccounts staff) {
        this.staff = staff;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return staff.login(email).map(StaffPrincipal::new)
                .orElseThrow(() -> new UsernameNotFoundException("unknown staff member"));
    }
}
