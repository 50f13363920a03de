package org.rpmsync.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.rpmsync.H2Test;
import org.rpmsync.TestWorld;
import org.rpmsync.adherence.Adherence;
import org.rpmsync.adherence.Period;
import org.rpmsync.adherence.Schedule;
import org.rpmsync.adherence.SlotStatus;
import org.rpmsync.clients.Client;
import org.rpmsync.measurements.ReadingType;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.Role;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The reports' SQL (MERGE upserts, type filters, keyset paging, aggregates) on the embedded H2 default. */
@H2Test
class ReportsOnH2Tests extends TestWorld {

    @Autowired
    ClinicData data;
    @Autowired
    Adherence adherence;

    @Test
    void schedulesReasonsPagesAndApiWorkOnH2() throws Exception {
        Organization organization = fixtures.organization();
        Client client = data.client(organization, "America/New_York");
        data.record(organization, client, Instant.parse("2025-03-10T12:00:00Z"),
                ClinicData.opening("pill-h2", Instant.parse("2025-03-09T13:30:00Z"), null, 1, 1, false),
                ClinicData.bloodPressure("bp-h2", Instant.parse("2025-03-09T13:00:00Z"), 120, 80, "1"),
                ClinicData.single("bp-h2", ReadingType.PULSE, "pulse", Instant.parse("2025-03-09T13:00:00Z"), "66",
                        "/min", "1", null));
        adherence.saveSchedule(organization.id(), client.id(), Schedule.DEFAULT, "test");
        adherence.saveSchedule(organization.id(), client.id(),
                new Schedule(LocalTime.of(9, 0), LocalTime.of(21, 0), 60), "test");
        adherence.explainMissed(organization.id(), client.id(), LocalDate.parse("2025-03-09"), Period.PM, "away", "t");
        adherence.explainMissed(organization.id(), client.id(), LocalDate.parse("2025-03-09"), Period.PM, "trip", "t");
        var card = adherence.scorecard(organization.id(), client, LocalDate.parse("2025-03-09"),
                LocalDate.parse("2025-03-09"), Instant.parse("2025-03-11T00:00:00Z"));
        assertThat(card.schedule().windowMinutes()).isEqualTo(60);
        assertThat(card.slots()).extracting(s -> s.status()).containsExactly(SlotStatus.TAKEN, SlotStatus.MISSED);
        assertThat(card.slots().get(1).reason()).isEqualTo("trip");

        String token = fixtures.orgToken(organization);
        mvc.perform(get("/api/v1/users/" + client.id() + "/measurements?limit=1&type=blood_pressure")
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].pulse").value(66));
        var practitioner = fixtures.signedIn(fixtures.staff(organization, Role.PRACTITIONER));
        mvc.perform(get("/clients/" + client.id() + "/reports").with(practitioner)).andExpect(status().isOk());
        mvc.perform(get("/clients/" + client.id()).with(practitioner)).andExpect(status().isOk());
        mvc.perform(get("/organization/overview").with(practitioner)).andExpect(status().isOk());
    }
}
