package org.rpmsync.fhir;

import static org.rpmsync.fhir.FhirCodes.component;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.rpmsync.adherence.Scorecard;
import org.rpmsync.adherence.SlotStatus;

/** The adherence of a period as one Observation: the percentages and counts of the adherence API, and the schedule. */
final class FhirAdherenceSummary {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private FhirAdherenceSummary() {
    }

    /** Writes the summary as a Bundle entry; {@code members} are the dose Observations of the Bundle. */
    static void write(FhirJson json, UUID id, Scorecard card, String patient, List<UUID> members) {
        json.entry(id, "Observation").string("status", "final")
                .concept("code", "PillBox adherence " + card.firstDay() + " to " + card.lastDay()
                        + " (medication not recorded)", new FhirCodes.Code(FhirCodes.ADHERENCE, "adherence-summary",
                        "PillBox adherence summary"))
                .reference("subject", patient).object("effectivePeriod")
                .string("start", card.firstDay().toString()).string("end", card.lastDay().toString()).end()
                .references("hasMember", members).array("component");
        percent(json, "percent-taken", "Taken (on time or late), % of due doses", card.percentTaken());
        percent(json, "percent-on-time", "Taken on time, % of due doses", card.percentOnTime());
        percent(json, "percent-taken-adjudicated", "Taken, % of due doses less explained missed doses",
                card.percentTakenAdjudicated());
        percent(json, "percent-on-time-adjudicated", "On time, % of due doses less explained missed doses",
                card.percentOnTimeAdjudicated());
        count(json, "due", "Due doses", card.due());
        for (SlotStatus status : SlotStatus.values()) {
            count(json, status.code().replace('_', '-'), status.label() + " doses", card.count(status));
        }
        count(json, "excused", "Missed doses with a reason", card.excused());
        count(json, "extra-openings", "Openings that decided no dose", card.extras().size());
        json.component(component("am-due-time", "AM dose due")).string("valueTime", card.schedule().am().format(TIME))
                .end();
        json.component(component("pm-due-time", "PM dose due")).string("valueTime", card.schedule().pm().format(TIME))
                .end();
        json.component(component("window", "On-time window either side of the due time"))
                .quantity("valueQuantity", BigDecimal.valueOf(card.schedule().windowMinutes()), "min").end();
        json.endArray().endEntry();
    }

    private static void percent(FhirJson json, String code, String display, Integer value) {
        if (value != null) {
            json.component(component(code, display)).quantity("valueQuantity", BigDecimal.valueOf(value), "%").end();
        }
    }

    private static void count(FhirJson json, String code, String display, long value) {
        json.component(component(code, display)).integer("valueInteger", value).end();
    }
}
