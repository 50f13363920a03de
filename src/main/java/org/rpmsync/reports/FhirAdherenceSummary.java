package org.rpmsync.reports;

import static org.rpmsync.reports.FhirCodes.ADHERENCE;
import static org.rpmsync.reports.FhirCodes.COMPONENT;
import static org.rpmsync.reports.FhirReadings.own;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.TimeType;
import org.hl7.fhir.r4.model.Type;
import org.rpmsync.adherence.Scorecard;
import org.rpmsync.adherence.SlotStatus;

/** The adherence of a period as one Observation: the percentages and counts of the adherence API, and the schedule. */
final class FhirAdherenceSummary {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private FhirAdherenceSummary() {
    }

    static Observation summary(Scorecard card, String patient) {
        Observation o = new Observation();
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setCode(own(ADHERENCE, "adherence-summary", "PillBox adherence summary")
                .setText("PillBox adherence " + card.firstDay() + " to " + card.lastDay() + " (medication not recorded)"));
        o.setSubject(new Reference(patient));
        o.setEffective(new Period().setStartElement(new DateTimeType(card.firstDay().toString()))
                .setEndElement(new DateTimeType(card.lastDay().toString())));
        percent(o, "percent-taken", "Taken (on time or late), % of due doses", card.percentTaken());
        percent(o, "percent-on-time", "Taken on time, % of due doses", card.percentOnTime());
        percent(o, "percent-taken-adjudicated", "Taken, % of due doses less explained missed doses",
                card.percentTakenAdjudicated());
        percent(o, "percent-on-time-adjudicated", "On time, % of due doses less explained missed doses",
                card.percentOnTimeAdjudicated());
        component(o, "due", "Due doses", new IntegerType((int) card.due()));
        for (SlotStatus status : SlotStatus.values()) {
            component(o, status.code().replace('_', '-'), status.label() + " doses",
                    new IntegerType((int) card.count(status)));
        }
        component(o, "excused", "Missed doses with a reason", new IntegerType((int) card.excused()));
        component(o, "extra-openings", "Openings that decided no dose", new IntegerType(card.extras().size()));
        component(o, "am-due-time", "AM dose due", new TimeType(card.schedule().am().format(TIME)));
        component(o, "pm-due-time", "PM dose due", new TimeType(card.schedule().pm().format(TIME)));
        component(o, "window", "On-time window either side of the due time",
                FhirReadings.quantity(BigDecimal.valueOf(card.schedule().windowMinutes()), "min"));
        return o;
    }

    private static void percent(Observation o, String code, String display, Integer value) {
        if (value != null) {
            component(o, code, display, FhirReadings.quantity(BigDecimal.valueOf(value), "%"));
        }
    }

    private static void component(Observation o, String code, String display, Type value) {
        o.addComponent().setCode(own(COMPONENT, code, display)).setValue(value);
    }
}
