package org.rpmsync.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDetails;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.clients.DeviceAssignments;
import org.rpmsync.clients.DeviceDetails;
import org.rpmsync.measurements.MeasurementRecorder;
import org.rpmsync.measurements.NewReading;
import org.rpmsync.measurements.Origin;
import org.rpmsync.measurements.ReadingType;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.SystemActor;
import org.springframework.stereotype.Component;

/**
 * Clients with readings for report tests, the one real way: each device is mapped to the client (unless mapped
 * already), then its readings are recorded and attributed by the recorder.
 */
@Component
public class ClinicData {

    private final ClientDirectory clients;
    private final MeasurementRecorder recorder;
    private final DeviceAssignments assignments;

    ClinicData(ClientDirectory clients, MeasurementRecorder recorder, DeviceAssignments assignments) {
        this.clients = clients;
        this.recorder = recorder;
        this.assignments = assignments;
    }

    public Client client(Organization organization, String zone) {
        return clients.create(organization.id(), SystemActor.BOOTSTRAP,
                new ClientDetails("Rosa", "Parks", null, null, zone));
    }

    /** Maps the readings' devices to the client (when nobody holds them) and records the readings. */
    public void record(Organization organization, Client client, Instant receivedAt, NewReading... readings) {
        for (String device : List.of(readings).stream().map(NewReading::deviceId).distinct().toList()) {
            if (assignments.holder(organization.id(), "tenovi", device).isEmpty()) {
                assignments.assign(organization.id(), SystemActor.BOOTSTRAP, client.id(),
                        new DeviceDetails("tenovi", device, null, null, null, null), false);
            }
        }
        recorder.record(organization.id(), List.of(readings), receivedAt, Origin.WEBHOOK);
    }

    /** Maps {@code device} to the client under the name Tenovi gives it ("Tenovi Watch"). */
    public void device(Organization organization, Client client, String device, String name) {
        assignments.assign(organization.id(), SystemActor.BOOTSTRAP, client.id(),
                new DeviceDetails("tenovi", device, name, null, "Connected", null), false);
    }

    /** A reading with two values (a watch's hourly heart rate: average and maximum), or raw text for OTHER. */
    public static NewReading pair(String device, ReadingType type, String metric, Instant at, String value1,
                                  String value2, String unit) {
        return new NewReading("tenovi", device, null, metric, type, at, null, "", value1, value2,
                number(value1), number(value2), unit, null, false);
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static NewReading opening(String device, Instant at, Integer offsetMinutes, int day, int period,
                                     boolean estimated) {
        String[] days = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
        return new NewReading("tenovi", device, null, "pillbox_opened", ReadingType.MEDICATION_COMPARTMENT_OPENED,
                at, offsetMinutes, "", Integer.toString(day), Integer.toString(period), BigDecimal.valueOf(day),
                BigDecimal.valueOf(period), null, days[day - 1] + (period == 1 ? " AM" : " PM"), estimated);
    }

    public static NewReading bloodPressure(String device, Instant at, int systolic, int diastolic, String index) {
        return new NewReading("tenovi", device, null, "blood_pressure", ReadingType.BLOOD_PRESSURE, at, null, index,
                Integer.toString(systolic), Integer.toString(diastolic), BigDecimal.valueOf(systolic),
                BigDecimal.valueOf(diastolic), "mm[Hg]", null, false);
    }

    public static NewReading single(String device, ReadingType type, String metric, Instant at, String value,
                                    String unit, String index, String label) {
        return new NewReading("tenovi", device, null, metric, type, at, null, index, value, "",
                new BigDecimal(value), null, unit, label, false);
    }
}
