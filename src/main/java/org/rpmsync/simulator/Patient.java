package org.rpmsync.simulator;

/** A simulated patient: Tenovi's patient record plus how the patient behaves. */
public record Patient(TenoviPatient details, Behaviour behaviour, int timezoneOffset, int offlineHours) {

    public Patient {
        if (offlineHours < 0 || offlineHours > 23) {
            throw new IllegalArgumentException("offline_hours must be 0..23");
        }
    }

    public String externalId() {
        return details.externalId();
    }
}
