package org.rpmsync.fhir;

import static org.rpmsync.fhir.FhirCodes.component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rpmsync.adherence.Opening;
import org.rpmsync.adherence.Scorecard;
import org.rpmsync.adherence.Slot;
import org.rpmsync.adherence.SlotStatus;
import org.rpmsync.clients.Client;
import org.rpmsync.measurements.Reading;
import org.rpmsync.fhir.FhirCodes.Code;

/**
 * Adherence as Observations: one per dose slot that is due (its status, compartment, scheduled window and the
 * opening that decided it) and the summary of the period, whose members are the doses in the Bundle.
 */
final class FhirAdherence {

    private static final Code DOSE = new Code(FhirCodes.ADHERENCE, "dose", "PillBox dose");
    private static final Code COMPARTMENT = component("compartment", "Compartment of the dose");
    private static final Code DUE_TIME = component("due-time", "Scheduled time");
    private static final Code OPENED_AT = component("opened-at", "Compartment opened at");
    private static final Code OPENED_COMPARTMENT = component("opened-compartment", "Compartment opened");

    private final Client client;
    private final ZoneId zone;
    private final String patient;
    private final Map<UUID, Reading> readings;
    private final Map<UUID, Reading> inBundle;
    private final FhirDevices devices;
    private final Scorecard card;
    private final List<Slot> doses = new ArrayList<>();

    /**
     * The doses of the card and its summary. With {@code since}, only doses that may have changed since then:
     * whose day ended since, or whose opening was received since.
     */
    FhirAdherence(Client client, String patient, Map<UUID, Reading> readings, Map<UUID, Reading> inBundle,
                  FhirDevices devices, Scorecard card, Instant since) {
        this.client = client;
        this.zone = client.timeZone();
        this.patient = patient;
        this.readings = readings;
        this.inBundle = inBundle;
        this.devices = devices;
        this.card = card;
        for (Slot slot : card.slots()) {
            if (slot.status() != SlotStatus.NOT_YET_DUE && changedSince(slot, since)) {
                doses.add(slot);
            }
        }
    }

    /** The doses and the summary. */
    int size() {
        return doses.size() + 1;
    }

    /** Writes the doses (oldest first) and the summary as Bundle entries. */
    void write(FhirJson json) {
        List<UUID> members = new ArrayList<>(doses.size());
        for (Slot slot : doses) {
            UUID id = FhirBundle.uuid("dose/" + client.id() + "/" + Scorecard.key(slot.date(), slot.period()));
            dose(json, id, slot);
            members.add(id);
        }
        FhirAdherenceSummary.write(json, FhirBundle.uuid("adherence/" + client.id() + "/" + card.firstDay() + "/"
                + card.lastDay()), card, patient, members);
    }

    private boolean changedSince(Slot slot, Instant since) {
        if (since == null || !slot.date().plusDays(1).atStartOfDay(zone).toInstant().isBefore(since)) {
            return true;
        }
        Reading opened = slot.opening() == null ? null : readings.get(slot.opening().id());
        return opened != null && !opened.receivedAt().isBefore(since);
    }

    private void dose(FhirJson json, UUID id, Slot slot) {
        String compartment = compartment(slot);
        LocalDateTime due = slot.date().atTime(card.schedule().due(slot.period()));
        Duration window = Duration.ofMinutes(card.schedule().windowMinutes());
        json.entry(id, "Observation").string("status", "final").concept("code", compartment + " dose", DOSE)
                .reference("subject", patient).object("effectivePeriod")
                .dateTime("start", due.minus(window).atZone(zone)).dateTime("end", due.plus(window).atZone(zone)).end()
                .concept("valueCodeableConcept", null,
                        new Code(FhirCodes.DOSE_STATUS, slot.status().code(), slot.status().label()))
                .notes(slot.reason() == null ? List.of() : List.of("Reason given for the missed dose: " + slot.reason()));
        Opening opening = slot.opening();
        Reading decided = opening == null ? null : inBundle.get(opening.id());
        if (decided != null) {
            json.reference("device", devices.reference(decided)).references("derivedFrom", List.of(decided.id()));
        }
        json.array("component");
        json.component(COMPARTMENT).string("valueString", compartment).end();
        json.component(DUE_TIME).dateTime("valueDateTime", due.atZone(zone)).end();
        if (opening != null) {
            Reading opened = readings.get(opening.id());
            json.component(OPENED_AT).dateTime("valueDateTime",
                    opened != null ? opened.localTime(zone) : opening.at().atZone(zone)).end();
            json.component(OPENED_COMPARTMENT).string("valueString", opening.compartment()).end();
        }
        json.endArray().endEntry();
    }

    /** "Monday AM": the compartment that holds the dose of that date and period. */
    private static String compartment(Slot slot) {
        return new Opening(null, null, null, Opening.dayNumber(slot.date()), slot.period(), false).compartment();
    }
}
