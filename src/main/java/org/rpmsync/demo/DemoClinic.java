package org.rpmsync.demo;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rpmsync.organization.NewStaff;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.OrganizationDirectory;
import org.rpmsync.organization.Role;
import org.rpmsync.organization.StaffAccounts;
import org.rpmsync.organization.SystemActor;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds "Demo Clinic" once, and at every start gives its staff fresh random passwords, printed once to the
 * console (never to the log, never fixed).
 */
@Component
@Profile("demo")
@Order(10)
class DemoClinic implements ApplicationRunner {

    static final String SLUG = "demo-clinic";
    static final SystemActor DEMO = new SystemActor("system:demo");

    private final OrganizationDirectory organizations;
    private final StaffAccounts staff;
    private final DemoTenovi tenovi;
    private final PrintStream console;

    DemoClinic(OrganizationDirectory organizations, StaffAccounts staff, DemoTenovi tenovi) {
        this.organizations = organizations;
        this.staff = staff;
        this.tenovi = tenovi;
        this.console = System.out;
    }

    @Override
    public void run(ApplicationArguments args) {
        Organization clinic = organizations.findBySlug(SLUG).orElseGet(() -> {
            Organization created = organizations.create(DEMO, "Demo Clinic", SLUG);
            return organizations.switchTenovi(DEMO, SLUG, true).orElse(created);
        });
        Map<String, String> logins = new LinkedHashMap<>();
        logins.put("platform admin", signIn(null, "admin@rpmsync.test", "Pat Platform", Role.PLATFORM_ADMIN));
        logins.put("org admin", signIn(clinic, "admin@demo-clinic.test", "Alex Admin", Role.ORG_ADMIN));
        logins.put("practitioner", signIn(clinic, "nurse@demo-clinic.test", "Noor Nurse", Role.PRACTITIONER));
        tenovi.seed(clinic);
        logins.put("Tenovi (simulated)", tenovi.account());
        print(logins);
    }

    private String signIn(Organization clinic, String email, String name, Role role) {
        String password = StaffAccounts.generatePassword();
        if (staff.exists(email)) {
            staff.changePassword(email, password);
        } else {
            staff.add(DEMO, clinic == null ? null : clinic.id(), new NewStaff(email, name, role, password));
        }
        return email + "  /  " + password;
    }

    private void print(Map<String, String> logins) {
        StringBuilder text = new StringBuilder("\n================ RPM Sync demo ================\n")
                .append("Open http://localhost:8080 and sign in (passwords are new at every start):\n");
        logins.forEach((who, login) -> text.append(String.format("  %-19s %s%n", who, login)));
        text.append("===============================================\n");
        console.println(text);
    }
}
