package org.rpmsync.enrollment;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.TestWorld;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDetails;
import org.rpmsync.clients.PatientIds;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.Role;
import org.rpmsync.tenovi.AccountDevice;
import org.rpmsync.tenovi.SimulatedAccount;
import org.rpmsync.tenovi.SimulatedTenoviTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SimulatedTenoviTest
class MappingImportTests extends TestWorld {

    static final String PAGE = "/settings/integrations/tenovi/mapping";

    @Autowired
    PatientIds patientIds;

    Organization clinic;
    String admin;
    SimulatedAccount tenovi;

    @BeforeEach
    void linkedClinic() {
        clinic = fixtures.tenoviOrganization();
        admin = fixtures.staff(clinic, Role.ORG_ADMIN);
        tenovi = SimulatedAccount.linkedTo(clinic, fixtures);
    }

    Client client(String first, String email, String externalId) {
        return fixtures.client(clinic, new ClientDetails(first, "Lee", email, externalId, null));
    }

    @Test
    void previewsEachRowThenAppliesTheGoodPartsAndOffersAResultCsv() throws Exception {
        String u = Fixtures.unique("m");
        Client ann = client("Ann", "ann-" + u + "@example.test", null);
        Client bob = client("Bob", null, "BOB-" + u);
        Client cat = client("Cat", null, "CAT-" + u);
        String pillbox = tenovi.patient("P1-" + u, null, "PILLBOX").get(0);
        String bpm = tenovi.patient("P2-" + u, null, "BPM").get(0);
        String scale = tenovi.patient("P3-" + u, null, "SCALE").get(0);
        assignments.assign(clinic.id(), SimulatedAccount.actor(clinic.id()), cat.id(),
                new AccountDevice(scale, null, null, "Connected", null).details(), false);
        String csv = "email,externalId,patientId,hwiIds\r\n"
                + "ANN-" + u + "@EXAMPLE.test,,P1-" + u + "," + pillbox + "\r\n"
                + ",BOB-" + u + ",CAT-" + u + ",\"" + bpm + ";no-such-device;" + scale + "\"\r\n"
                + "nobody@example.test,,P9-" + u + ",\r\n";
        MockHttpSession session = new MockHttpSession();
        mvc.perform(multipart(PAGE).file(new MockMultipartFile("file", "map.csv", "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8))).session(session).with(fixtures.signedIn(admin)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"mapping-preview-table\""),
                        containsString("3</span> rows"), containsString("set to <code>P1-" + u),
                        containsString("add Tenovi Pillbox"), containsString("Patient ID CAT-" + u + " belongs to Cat Lee"),
                        containsString("Tenovi has no device no-such-device in your account."),
                        containsString("move from Cat Lee"), containsString("No client with email nobody@example.test"))));
        assertThat(patientIds.explicit(clinic.id(), ann.id())).isFalse();
        assertThat(assignments.holder(clinic.id(), "tenovi", pillbox)).isEmpty();

        mvc.perform(post(PAGE + "/apply").session(session).with(fixtures.signedIn(admin)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"mapping-result-table\""),
                        containsString(">applied<"), containsString(">partly_applied<"), containsString(">skipped<"))));
        assertThat(patientIds.patientId(clinic.id(), ann.id())).contains("P1-" + u);
        assertThat(assignments.holder(clinic.id(), "tenovi", pillbox).orElseThrow().clientId()).isEqualTo(ann.id());
        assertThat(assignments.holder(clinic.id(), "tenovi", bpm).orElseThrow().clientId()).isEqualTo(bob.id());
        assertThat(assignments.holder(clinic.id(), "tenovi", scale).orElseThrow().clientId()).isEqualTo(bob.id());
        assertThat(patientIds.patientId(clinic.id(), bob.id())).contains("BOB-" + u);

        String result = mvc.perform(get(PAGE + "/result.csv").session(session).with(fixtures.signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("tenovi-mapping-result.csv")))
                .andReturn().getResponse().getContentAsString();
        List<String> lines = result.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("row,email,externalId,patientId,hwiIds,client,result,detail");
        assertThat(lines.get(1)).startsWith("2,").contains(ann.id().toString(), ",applied,");
        assertThat(lines.get(2)).startsWith("3,").contains(",partly_applied,", "belongs to Cat Lee",
                "no-such-device", "moved " + scale);
        assertThat(lines.get(3)).startsWith("4,").contains(",skipped,", "No client");
        String stranger = fixtures.staff(fixtures.tenoviOrganization(), Role.ORG_ADMIN);
        mvc.perform(get(PAGE + "/result.csv").session(session).with(fixtures.signedIn(stranger)))
                .andExpect(status().isNotFound());
    }

    @Test
    void refusesFilesWithoutHeaderTooManyRowsOrTooLargeWithClearMessages() throws Exception {
        String[][] cases = {
                {"", "The file is empty"},
                {"name,phone\r\nAnn,1\r\n", "needs an email or an externalId column"},
                {"email,notes\r\nann@example.test,x\r\n", "needs a patientId or an hwiIds column"},
                {"email,patientId\r\n", "no clients"},
                {"email,patientId\r\n\"ann@example.test,P\r\n", "never closed"},
                {"email,patientId\n" + "a@example.test,P\n".repeat(2001), "more than 2000 rows"}};
        for (String[] c : cases) {
            mvc.perform(post(PAGE).param("text", c[0]).with(fixtures.signedIn(admin)).with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("id=\"mapping-error\""), containsString(c[1]))));
        }
        byte[] big = ("email,patientId\n" + "x".repeat(MappingCsv.MAX_BYTES)).getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart(PAGE).file(new MockMultipartFile("file", "big.csv", "text/csv", big))
                        .with(fixtures.signedIn(admin)).with(csrf()))
                .andExpect(content().string(containsString("larger than 1 MiB")));
        mvc.perform(post(PAGE + "/apply").with(fixtures.signedIn(admin)).with(csrf()))
                .andExpect(content().string(containsString("Nothing to apply")));
    }

    @Test
    void onlyOrgAdminsMayUseIt() throws Exception {
        String nurse = fixtures.staff(clinic, Role.PRACTITIONER);
        mvc.perform(get(PAGE).with(fixtures.signedIn(nurse))).andExpect(status().isForbidden());
        mvc.perform(get(PAGE).with(fixtures.signedIn(admin))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"mapping-upload\""),
                        not(containsString("id=\"mapping-error\"")))));
    }

    @Test
    void parsesQuotedFieldsAndRoundTripsRandomValuesThroughTheResultFormat() {
        List<MappingCsv.Row> rows = MappingCsv.parse("\uFEFFExternal_ID, Patient ID ,HWI IDs,extra\n"
                + "\"E,1\",\"P \"\"x\"\"\", a ; b;a\n\n");
        assertThat(rows).containsExactly(new MappingCsv.Row(2, null, "E,1", "P \"x\"", List.of("a", "b")));
        Random random = new Random(20260105L);
        String alphabet = "ab,\"\n\r; =+-@é";
        for (int i = 0; i < 500; i++) {
            StringBuilder value = new StringBuilder("v");
            for (int n = random.nextInt(12); n > 0; n--) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String field = MappingCsv.field(value.toString());
            List<MappingCsv.Row> parsed = MappingCsv.parse("externalId,patientId\n" + field + ",P\n");
            assertThat(parsed).hasSize(1);
            assertThat(parsed.get(0).externalId()).isEqualTo(value.toString().strip());
        }
        assertThat(MappingCsv.field("=cmd()")).isEqualTo("'=cmd()");
        assertThatThrownBy(() -> MappingCsv.parse("email,patientId\n\"x")).hasMessageContaining("never closed");
    }
}
