package org.rpmsync.enrollment;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.TestWorld;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDetails;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.Role;
import org.rpmsync.tenovi.AccountDevice;
import org.rpmsync.tenovi.SimulatedAccount;
import org.rpmsync.tenovi.SimulatedTenoviTest;
import org.rpmsync.tenovi.TenoviClient;
import org.rpmsync.integrations.TenoviConnections;
import org.rpmsync.tenovi.TenoviCredentials;
import org.rpmsync.tenovi.TenoviDevice;
import org.rpmsync.tenovi.TenoviUnavailable;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SimulatedTenoviTest
class DeviceDiscoveryTests extends TestWorld {

    static final String PAGE = "/settings/integrations/tenovi/devices";

    @Autowired
    TenoviConnections connections;
    @Autowired
    TenoviClient tenoviClient;

    Organization clinic;
    String admin;
    SimulatedAccount tenovi;

    @BeforeEach
    void linkedClinic() {
        clinic = fixtures.tenoviOrganization();
        admin = fixtures.staff(clinic, Role.ORG_ADMIN);
        tenovi = SimulatedAccount.linkedTo(clinic, fixtures);
    }

    Client client(String first, String externalId) {
        return fixtures.client(clinic, new ClientDetails(first, "Lee", null, externalId, null));
    }

    @Test
    void listsDevicesWithTheirClientProposesMatchesByPatientIdAndHidesUnlinked() throws Exception {
        String u = Fixtures.unique("d");
        Client ann = client("Ann", "ANN-" + u);
        Client bob = client("Bob", "BOB-" + u);
        String annsPillbox = tenovi.patient("ANN-" + u, null, "PILLBOX").get(0);
        String bobsBpm = tenovi.patient("BOB-" + u, null, "BPM").get(0);
        String strangers = tenovi.patient("NOBODY-" + u, null, "GLUCOMETER").get(0);
        String unlinked = tenovi.patient("OLD-" + u, "Unlinked", "SCALE").get(0);
        assignments.assign(clinic.id(), SimulatedAccount.actor(clinic.id()), bob.id(),
                new AccountDevice(bobsBpm, null, null, "Connected", "BOB-" + u).details(), false);

        mvc.perform(get(PAGE).with(fixtures.signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-hwi=\"" + annsPillbox + "\""),
                        containsString("Assign to Ann Lee"), containsString(">Bob Lee</a>"),
                        containsString("data-hwi=\"" + strangers + "\""), containsString(">Assign to…<"),
                        not(containsString("data-hwi=\"" + unlinked + "\"")), containsString("Show unlinked devices"))));
        mvc.perform(get(PAGE).param("unlinked", "true").with(fixtures.signedIn(admin)))
                .andExpect(content().string(containsString("data-hwi=\"" + unlinked + "\"")));
        assertThat(audit.forTarget("tenovi_connection", clinic.id().toString()))
                .filteredOn(e -> e.action().equals("TENOVI_DEVICES_VIEWED") && admin.equals(e.actor())).hasSize(2);

        mvc.perform(post(PAGE + "/" + annsPillbox + "/assign").param("clientId", ann.id().toString())
                        .with(fixtures.signedIn(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("messageKind", "ok"));
        assertThat(assignments.holder(clinic.id(), "tenovi", annsPillbox).orElseThrow().clientId()).isEqualTo(ann.id());

        mvc.perform(get(PAGE + "/" + strangers + "/assign").param("q", "Bob").with(fixtures.signedIn(admin)))
                .andExpect(content().string(allOf(containsString("Tenovi Glucometer"), containsString("Assign to Bob Lee"),
                        not(containsString("Assign to Ann Lee")))));
        mvc.perform(post(PAGE + "/" + strangers + "/assign").param("clientId", bob.id().toString())
                        .with(fixtures.signedIn(admin)).with(csrf()))
                .andExpect(flash().attribute("messageKind", "ok"));
        mvc.perform(post(PAGE + "/" + strangers + "/assign").param("clientId", ann.id().toString())
                        .with(fixtures.signedIn(admin)).with(csrf()))
                .andExpect(flash().attribute("messageKind", "bad"))
                .andExpect(flash().attribute("message", containsString("assigned to another client")));
    }

    @Test
    void followsNextAcrossTenoviPagesAndPaginatesTheListing() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            ids.addAll(tenovi.patient("BULK-" + i, null, "PILLBOX", "BPM", "SCALE", "GLUCOMETER", "WATCH",
                    "PULSE_OX", "PILLBOX", "BPM", "SCALE"));
        }
        TenoviCredentials credentials = connections.credentials(clinic.id()).orElseThrow();
        assertThat(tenoviClient.allDevices(credentials, 10)).as("117 devices, 100 a page").extracting(TenoviDevice::id)
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(tenoviClient.allDevices(credentials, 1)).hasSize(100);
        mvc.perform(get(PAGE).with(fixtures.signedIn(admin)))
                .andExpect(content().string(allOf(containsString("Page 1 of 3"), containsString("id=\"devices-next\""))));
        mvc.perform(get(PAGE).param("page", "3").with(fixtures.signedIn(admin)))
                .andExpect(content().string(allOf(containsString("Page 3 of 3"), not(containsString("id=\"devices-next\"")))));
    }

    @Test
    void anotherClinicCannotAssignTheirDevicesToOurClientsNorSeeThePages() throws Exception {
        Client ann = client("Ann", "ISO-" + Fixtures.unique("i"));
        String device = tenovi.patient(ann.externalId(), null, "PILLBOX").get(0);
        Organization other = fixtures.tenoviOrganization();
        SimulatedAccount.linkedTo(other, fixtures);
        String stranger = fixtures.staff(other, Role.ORG_ADMIN);
        mvc.perform(post(PAGE + "/" + device + "/assign").param("clientId", ann.id().toString())
                .with(fixtures.signedIn(stranger)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get(PAGE + "/" + device + "/assign").with(fixtures.signedIn(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(get(PAGE).with(fixtures.signedIn(stranger)))
                .andExpect(content().string(not(containsString(device))));
        assertThat(assignments.holder(clinic.id(), "tenovi", device)).isEmpty();
        String nurse = fixtures.staff(clinic, Role.PRACTITIONER);
        mvc.perform(get(PAGE).with(fixtures.signedIn(nurse))).andExpect(status().isForbidden());
    }

    @Test
    void saysSoWhenTenoviIsNotLinked() throws Exception {
        Organization unlinked = fixtures.tenoviOrganization();
        mvc.perform(get(PAGE).with(fixtures.signedIn(fixtures.staff(unlinked, Role.ORG_ADMIN))))
                .andExpect(content().string(allOf(containsString("id=\"devices-error\""),
                        containsString("No Tenovi account is linked"))));
    }
}
