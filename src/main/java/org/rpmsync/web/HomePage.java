package org.rpmsync.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page sends each person where their work is. */
@Controller
class HomePage {

    @GetMapping("/")
    String home(Authentication authentication) {
        boolean platformAdmin = authentication.getAuthorities().stream()
                .anyMatch(a -> "ROLE_PLATFORM_ADMIN".equals(a.getAuthority()));
        return platformAdmin ? "redirect:/admin/organizations" : "redirect:/clients";
    }
}
