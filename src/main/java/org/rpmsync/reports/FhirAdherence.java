package org.rpmsync.reports;

import static org.rpmsync.reports.FhirCodes.ADHERENCE;
import static org.rpmsync.reports.FhirCodes.COMPONENT;
import static org.rpmsync.reports.FhirReadings.own;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.rpmsync.adherence.Opening;
import org.rpmsync.adherence.Scorecard;
import org.rpmsync.adherence.Slot;
import org.rpmsync.adherence.SlotStatus;
import org.rpmsync.clients.Client;
import org.rpmsync.measurements.Reading;

/**
 * Adherence as Observations: one per dose slot that is due (its status, compartment, scheduled window and the
 * opening that decided it) and the summary of the period, whose members are the doses in the Bundle.
 */
final class FhirAdherence {

    private final Client client;
    private final ZoneId zone;
    private final String patient;
    private final Map<UUID, Reading> readings;
    private final Map<UUID, Reading> inBundle;
    private final FhirDevices devices;

    FhirAdherence(Client client, String patient, Map<UUID, Reading> readings, Map<UUID, Reading> inBundle,
                  FhirDevices devices) {
        this.client = client;
        this.zone = client.timeZone();
        this.patient = patient;
        this.readings = readings;
        this.inBundle = inBundle;
        this.devices = devices;
    }

    /**
     * The doses and the summary, by id. With {@code since}, only doses that may have changed since then: whose
     * day ended since, or whose opening was received since.
     */
    Map<UUID, Observation> resources(Scorecard card, Instant since) {
        Map<UUID, Observation> resources = new LinkedHashMap<>();
        for (Slot slot : card.slots()) {
            if (slot.status() == SlotStatus.NOT_YET_DUE || !changedSince(slot, since)) {
                continue;
            }
            resources.put(FhirBundle.uuid("dose/" + client.id() + "/" + Scorecard.key(slot.date(), slot.period())),
                    dose(card, slot));
        }
        Observation summary = FhirAdherenceSummary.summary(card, patient);
        resources.keySet().forEach(id -> summary.addHasMember(new Reference(FhirBundle.url(id))));
        resources.put(FhirBundle.uuid("adherence/" + client.id() + "/" + card.firstDay() + "/" + card.lastDay()), summary);
        return resources;
    }

    private boolean changedSince(Slot slot, Instant since) {
        if (since == null || !slot.date().plusDays(1).atStartOfDay(zone).toInstant().isBefore(since)) {
            return true;
        }
        Reading opened = slot.opening() == null ? null : readings.get(slot.opening().id());
        return opened != null && !opened.receivedAt().isBefore(since);
    }

    private Observation dose(Scorecard card, Slot slot) {
        Observation o = new Observation();
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setCode(own(ADHERENCE, "dose", "PillBox dose").setText(compartment(slot) + " dose"));
        o.setSubject(new Reference(patient));
        LocalDateTime due = slot.date().atTime(card.schedule().due(slot.period()));
        Duration window = Duration.ofMinutes(card.schedule().windowMinutes());
        o.setEffective(new Period().setStartElement(local(due.minus(window))).setEndElement(local(due.plus(window))));
        o.setValue(own(FhirCodes.DOSE_STATUS, slot.status().code(), slot.status().label()));
        o.addComponent().setCode(own(COMPONENT, "compartment", "Compartment of the dose"))
                .setValue(new StringType(compartment(slot)));
        o.addComponent().setCode(own(COMPONENT, "due-time", "Scheduled time")).setValue(local(due));
        Opening opening = slot.opening();
        if (opening != null) {
            o.addComponent().setCode(own(COMPONENT, "opened-at", "Compartment opened at"))
                    .setValue(FhirReadings.localTime(readings.containsKey(opening.id())
                            ? readings.get(opening.id()).localTime(zone) : opening.at().atZone(zone)));
            o.addComponent().setCode(own(COMPONENT, "opened-compartment", "Compartment opened"))
                    .setValue(new StringType(opening.compartment()));
            Reading reading = inBundle.get(opening.id());
            if (reading != null) {
                o.addDerivedFrom(new Reference(FhirBundle.url(reading.id())));
                o.setDevice(new Reference(devices.reference(reading)));
            }
        }
        if (slot.reason() != null) {
            o.addNote().setText("Reason given for the missed dose: " + slot.reason());
        }
        return o;
    }

    /** "Monday AM": the compartment that holds the dose of that date and period. */
    private static String compartment(Slot slot) {
        return new Opening(null, null, null, Opening.dayNumber(slot.date()), slot.period(), false).compartment();
    }

    private DateTimeType local(LocalDateTime time) {
        return FhirReadings.localTime(time.atZone(zone));
    }
}
