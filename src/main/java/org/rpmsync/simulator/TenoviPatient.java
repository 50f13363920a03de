package org.rpmsync.simulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Tenovi's HWI patient (reference §2.5); also the body of {@code POST hwi-patients/}. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TenoviPatient(
        @JsonProperty("external_id") String externalId,
        String name,
        @JsonProperty("phone_number") String phoneNumber,
        String email,
        String physician,
        @JsonProperty("clinic_name") String clinicName,
        @JsonProperty("care_manager") String careManager,
        @JsonProperty("sms_opt_in") Boolean smsOptIn) {

    public static TenoviPatient opaque(String externalId) {
        return new TenoviPatient(externalId, null, null, null, null, null, null, true);
    }

    TenoviPatient withDefaults() {
        return new TenoviPatient(externalId, name, phoneNumber, email, physician, clinicName, careManager,
                smsOptIn == null ? Boolean.TRUE : smsOptIn);
    }
}
