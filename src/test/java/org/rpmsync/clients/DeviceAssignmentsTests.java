package org.rpmsync.clients;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.SystemActor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@RpmSyncTest
@RecordApplicationEvents
class DeviceAssignmentsTests extends TestWorld {

    private static final SystemActor STAFF = new SystemActor("nurse@example.test");

    @Autowired
    PatientIds patientIds;
    @Autowired
    ApplicationEvents events;

    private ClientId client(Organization organization, String externalId) {
        return clients.create(organization.id(), STAFF, new ClientDetails("Test", "Client", null, externalId, null)).id();
    }

    private static DeviceDetails device(String id) {
        return new DeviceDetails("tenovi", id, "Tenovi Pillbox", "21", "Connected", null);
    }

    @Test
    void firstAssignmentCoversEarlierReadingsAndPublishesTheEvent() {
        Organization clinic = fixtures.organization();
        ClientId ann = client(clinic, null);
        Assignment a = assignments.assign(clinic.id(), STAFF, ann, device("dev-a"), false);
        assertThat(a.covers(Instant.parse("2020-01-01T00:00:00Z"))).isTrue();
        assertThat(events.stream(DeviceAssigned.class)).containsExactly(new DeviceAssigned(clinic.id(), ann, "tenovi", "dev-a"));
    }

    @Test
    void refusesToTakeADeviceFromAnotherClientUnlessAskedToMoveIt() {
        Organization clinic = fixtures.organization();
        ClientId ann = client(clinic, null);
        ClientId bob = client(clinic, null);
        assignments.assign(clinic.id(), STAFF, ann, device("dev-b"), false);
        assertThatThrownBy(() -> assignments.assign(clinic.id(), STAFF, bob, device("dev-b"), false))
                .isInstanceOfSatisfying(MappingRejected.class, e -> {
                    assertThat(e.code()).isEqualTo("device_assigned_elsewhere");
                    assertThat(e.holder()).isEqualTo(ann);
                });
        Assignment moved = assignments.assign(clinic.id(), STAFF, bob, device("dev-b"), true);
        List<Assignment> history = assignments.history(clinic.id(), "tenovi", "dev-b");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).endedAt()).isEqualTo(moved.effectiveFrom());
        assertThat(assignments.holder(clinic.id(), "tenovi", "dev-b")).get().extracting(Assignment::clientId).isEqualTo(bob);
    }

    @Test
    void neverGivesADeviceTwoHoldersAtOneInstantOverRandomMoves() {
        Organization clinic = fixtures.organization();
        List<ClientId> people = List.of(client(clinic, null), client(clinic, null), client(clinic, null));
        Random random = new Random(7);
        for (int step = 0; step < 60; step++) {
            String deviceId = "dev-r" + random.nextInt(2);
            ClientId who = people.get(random.nextInt(people.size()));
            switch (random.nextInt(3)) {
                case 0 -> assignments.assign(clinic.id(), STAFF, who, device(deviceId), true);
                case 1 -> {
                    try {
                        assignments.assign(clinic.id(), STAFF, who, device(deviceId), false);
                    } catch (MappingRejected expected) {
                        assertThat(expected.code()).isEqualTo("device_assigned_elsewhere");
                    }
                }
                default -> assignments.end(clinic.id(), STAFF, who, "tenovi", deviceId);
            }
        }
        for (String deviceId : List.of("dev-r0", "dev-r1")) {
            List<Assignment> history = assignments.history(clinic.id(), "tenovi", deviceId);
            TreeSet<Instant> instants = new TreeSet<>();
            history.forEach(a -> {
                instants.add(a.effectiveFrom());
                instants.add(a.assignedAt());
                if (a.endedAt() != null) {
                    instants.add(a.endedAt());
                    instants.add(a.endedAt().minusNanos(1000));
                }
            });
            for (Instant instant : instants) {
                assertThat(history.stream().filter(a -> a.covers(instant)).count()).as(deviceId + " at " + instant)
                        .isLessThanOrEqualTo(1);
            }
            assertThat(history.stream().filter(Assignment::current).count()).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void patientIdFallsBackToExternalIdAndIsUniqueInTheOrganization() {
        Organization clinic = fixtures.organization();
        ClientId ann = client(clinic, "EXT-1");
        ClientId bob = client(clinic, null);
        assertThat(patientIds.patientId(clinic.id(), ann)).contains("EXT-1");
        assertThat(patientIds.explicit(clinic.id(), ann)).isFalse();
        assertThatThrownBy(() -> patientIds.save(clinic.id(), STAFF, bob, "EXT-1"))
                .isInstanceOfSatisfying(MappingRejected.class, e -> assertThat(e.holder()).isEqualTo(ann));
        patientIds.save(clinic.id(), STAFF, bob, " PAT-9 ");
        assertThat(patientIds.clientWith(clinic.id(), "PAT-9")).contains(bob);
        assertThat(events.stream(PatientIdSaved.class)).contains(new PatientIdSaved(clinic.id(), bob, "PAT-9"));
        assertThatThrownBy(() -> patientIds.save(clinic.id(), STAFF, bob, " "))
                .isInstanceOfSatisfying(MappingRejected.class, e -> assertThat(e.code()).isEqualTo("invalid_input"));
        assertThatThrownBy(() -> patientIds.save(clinic.id(), STAFF, bob, "x".repeat(129)))
                .isInstanceOfSatisfying(MappingRejected.class, e -> assertThat(e.code()).isEqualTo("invalid_input"));
    }

    @Test
    void anotherOrganizationsClientCannotBeGivenADevice() {
        Organization mine = fixtures.organization();
        ClientId theirs = client(fixtures.organization(), null);
        assertThatThrownBy(() -> assignments.assign(mine.id(), STAFF, theirs, device("dev-x"), false))
                .isInstanceOfSatisfying(MappingRejected.class, e -> assertThat(e.code()).isEqualTo("not_found"));
    }
}
