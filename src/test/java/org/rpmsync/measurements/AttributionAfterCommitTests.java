package org.rpmsync.measurements;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDetails;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.clients.DeviceAssignments;
import org.rpmsync.clients.PatientIds;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.SystemActor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 §2: a reading whose Patient ID leads to a client discovers its device on that client; the device's
 * other unmatched readings follow once that has committed, in a transaction of their own, never from inside the
 * attribution still running.
 */
@RpmSyncTest
@RecordApplicationEvents
class AttributionAfterCommitTests {

    @Autowired
    MeasurementRecorder recorder;
    @Autowired
    ClientDirectory clients;
    @Autowired
    PatientIds patientIds;
    @Autowired
    DeviceAssignments assignments;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ApplicationEvents events;

    static NewReading weight(String device, String patientId, Instant at, String kg) {
        return new NewReading("tenovi", device, patientId, "weight", ReadingType.WEIGHT, at, 0, "", kg, "",
                new BigDecimal(kg), null, "kg", null, false);
    }

    @Test
    void aDiscoveredDevicesEarlierReadingsAreAttributedAfterTheDiscoveryCommitted() {
        Organization clinic = fixtures.organization();
        SystemActor actor = SystemActor.in(clinic.id(), "system:test");
        Client ann = clients.create(clinic.id(), actor, new ClientDetails("Ann", "Lee", null, null, null));
        patientIds.save(clinic.id(), actor, ann.id(), "PAT-ANN");
        Instant at = Instant.parse("2024-10-14T12:00:00Z");
        recorder.record(clinic.id(), List.of(weight("scale-1", null, at, "70.1")), Instant.now(), Origin.WEBHOOK);
        UUID earlier = id(clinic, "70.1");
        assertThat(clientOf(earlier)).as("nobody holds the scale yet").isNull();
        events.clear();

        transactions.executeWithoutResult(status -> {
            recorder.record(clinic.id(), List.of(weight("scale-1", "PAT-ANN", at.plusSeconds(3600), "70.4")),
                    Instant.now(), Origin.WEBHOOK);
            assertThat(clientOf(id(clinic, "70.4"))).as("attributed by its Patient ID").isEqualTo(ann.id().value());
            assertThat(clientOf(earlier)).as("not before the discovery committed").isNull();
        });

        assertThat(clientOf(earlier)).isEqualTo(ann.id().value());
        assertThat(assignments.holder(clinic.id(), "tenovi", "scale-1")).hasValueSatisfying(a ->
                assertThat(a.clientId()).isEqualTo(ann.id()));
        assertThat(events.stream(ReadingsAttributed.class).map(e -> e.readings().get(ann.id().value())).toList())
                .as("each reading attributed once, the new one first").containsExactly(List.of(id(clinic, "70.4")),
                        List.of(earlier));
    }

    private UUID id(Organization clinic, String value) {
        return jdbc.sql("select id from measurements where organization_id = ? and raw_value_1 = ?")
                .params(clinic.id().value(), value).query(UUID.class).single();
    }

    private UUID clientOf(UUID reading) {
        return jdbc.sql("select client_id from measurements where id = ?").param(reading)
                .query((rs, n) -> rs.getObject(1, UUID.class)).list().get(0);
    }
}
