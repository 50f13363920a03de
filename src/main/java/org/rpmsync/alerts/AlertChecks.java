package org.rpmsync.alerts;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.rpmsync.measurements.MeasurementQueries;
import org.rpmsync.measurements.Reading;
import org.rpmsync.measurements.ReadingFilter;
import org.rpmsync.measurements.ReadingType;
import org.rpmsync.measurements.ReadingsAttributed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Checks every reading against its client's rules once, when it is given to the client: in the transaction that
 * attributes it, whichever way it came (webhook, Refresh User Data, backfill, reconciliation, replay of unmatched
 * data). Late readings raise too, marked late. The same pass notes when each device last measured (for
 * {@code no_data}). Off with {@code rpmsync.care.check-readings=false} ({@link CareSettings}).
 */
@Component
class AlertChecks {

    private static final Set<ReadingType> CHECKED = Set.of(ReadingType.BLOOD_PRESSURE, ReadingType.GLUCOSE,
            ReadingType.SPO2, ReadingType.WEIGHT);
    private final MeasurementQueries measurements;
    private final RuleStore rules;
    private final AlertStore alerts;
    private final DeviceSilence silence;
    private final CareSettings settings;

    AlertChecks(MeasurementQueries measurements, RuleStore rules, AlertStore alerts, DeviceSilence silence,
                CareSettings settings) {
        this.measurements = measurements;
        this.rules = rules;
        this.alerts = alerts;
        this.silence = silence;
        this.settings = settings;
    }

    @EventListener
    void readingsAttributed(ReadingsAttributed event) {
        if (!settings.checkReadings()) {
            return;
        }
        List<Reading> attributed = event.given();
        silence.seen(event.organization().value(), attributed);
        List<Reading> checked = attributed.stream().filter(r -> CHECKED.contains(r.type())).toList();
        Map<UUID, AlertRules> byClient = rules.effective(event.organization().value(),
                checked.stream().map(Reading::clientId).collect(Collectors.toSet()));
        Instant now = Instant.now();
        for (Reading r : checked) {
            AlertRules applying = byClient.get(r.clientId());
            List<RuleCheck.PriorWeight> weights = r.type() == ReadingType.WEIGHT ? priorWeights(event, r) : List.of();
            for (Breach breach : RuleCheck.check(applying, r, weights)) {
                alerts.raise(event.organization().value(), r, breach, now);
            }
        }
    }

    private List<RuleCheck.PriorWeight> priorWeights(ReadingsAttributed event, Reading r) {
        ReadingFilter week = new ReadingFilter(Set.of(ReadingType.WEIGHT), r.measuredAt().minus(Duration.ofDays(7)),
                r.measuredAt());
        List<RuleCheck.PriorWeight> prior = new ArrayList<>();
        for (Reading w : measurements.readings(event.organization(), r.clientId(), week, 0, 500)) {
            BigDecimal kg = RuleCheck.kg(w);
            if (kg != null && !w.id().equals(r.id())) {
                prior.add(new RuleCheck.PriorWeight(kg,
                        Duration.between(w.measuredAt(), r.measuredAt()).toMinutes() / 60.0));
            }
        }
        return prior;
    }
}
