package org.rpmsync.organization;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeSet;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Organization Settings &gt; Clinic (org admins, via {@code /settings/**}): the clinic's time zone. */
@Controller
class ClinicSettingsPage {

    private static final List<String> ZONES = List.copyOf(new TreeSet<>(ZoneId.getAvailableZoneIds()));
    private final ClinicTime time;

    ClinicSettingsPage(ClinicTime time) {
        this.time = time;
    }

    @GetMapping("/settings/clinic")
    String show(@AuthenticationPrincipal Actor actor, Model model) {
        if (!model.containsAttribute("timeZone")) {
            model.addAttribute("timeZone", time.zone(actor.organizationId()).getId());
        }
        model.addAttribute("zones", ZONES);
        model.addAttribute("now", time.format(actor.organizationId(), Instant.now()));
        return "organization/settings-clinic";
    }

    @PostMapping("/settings/clinic")
    String save(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "") String timeZone, Model model) {
        ZoneId zone = zone(timeZone.strip());
        if (zone == null) {
            model.addAttribute("timeZoneProblem", "Choose a time zone from the list, such as America/Chicago.");
            model.addAttribute("timeZone", timeZone);
            return show(actor, model);
        }
        time.set(actor.organizationId(), actor, zone);
        model.addAttribute("saved", "Clinic time zone saved: organization pages now show times in " + zone.getId()
                + ".");
        return show(actor, model);
    }

    private static ZoneId zone(String id) {
        try {
            return ZONES.contains(id) ? ZoneId.of(id) : null;
        } catch (DateTimeException e) {
            return null;
        }
    }
}
