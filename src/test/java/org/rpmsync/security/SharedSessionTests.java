package org.rpmsync.security;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.StaffVisitor;
import org.rpmsync.TwoInstances;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.Role;
import org.rpmsync.organization.StaffAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances on one database, over real HTTP: a staff session is the same on both, and ends on both. */
class SharedSessionTests {

    private final TwoInstances two = TwoInstances.get();
    private final String a = TwoInstances.url(two.a);
    private final String b = TwoInstances.url(two.b);
    private final Fixtures fixtures = two.a.getBean(Fixtures.class);

    @Test
    void aSessionMadeOnOneInstanceIsValidOnTheOtherAndSigningOutEndsItOnBoth() {
        Organization clinic = fixtures.organization();
        String nurse = fixtures.staff(clinic, Role.PRACTITIONER);
        StaffVisitor browser = new StaffVisitor();
        assertThat(browser.signIn(a, nurse, Fixtures.PASSWORD)).endsWith("/");
        String session = browser.session();

        assertThat(browser.get(b, "/clients").statusCode()).isEqualTo(200);
        assertThat(browser.get(a, "/clients").statusCode()).isEqualTo(200);
        assertThat(browser.session()).isEqualTo(session);

        assertThat(browser.post(b, "/logout", Map.of()).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?signedOut"));
        assertThat(signedOut(a, session)).isTrue();
        assertThat(signedOut(b, session)).isTrue();
    }

    @Test
    void deactivatingAnAccountOnOneInstanceEndsItsSessionOnTheOther() {
        Organization clinic = fixtures.organization();
        String admin = fixtures.staff(clinic, Role.ORG_ADMIN);
        String nurse = fixtures.staff(clinic, Role.PRACTITIONER);
        StaffVisitor nurses = new StaffVisitor();
        nurses.signIn(b, nurse, Fixtures.PASSWORD);
        assertThat(nurses.get(b, "/clients").statusCode()).isEqualTo(200);

        StaffVisitor admins = new StaffVisitor();
        admins.signIn(a, admin, Fixtures.PASSWORD);
        admins.get(a, "/settings/staff");
        UUID id = two.a.getBean(StaffAccounts.class).login(nurse).orElseThrow().member().id();
        assertThat(admins.post(a, "/settings/staff/" + id + "/deactivate", Map.of()).statusCode()).isEqualTo(302);

        assertThat(signedOut(b, nurses.session())).isTrue();
        assertThat(signedOut(a, nurses.session())).isTrue();
        assertThat(admins.get(b, "/settings/staff").statusCode()).as("the admin's own session goes on").isEqualTo(200);
    }

    /** A request with only this session cookie is sent to the sign-in page. */
    private static boolean signedOut(String instance, String session) {
        StaffVisitor replay = StaffVisitor.withSession(session);
        var answer = replay.get(instance, "/clients");
        return answer.statusCode() == 302 && answer.headers().firstValue("Location").orElse("").contains("/login");
    }
}
