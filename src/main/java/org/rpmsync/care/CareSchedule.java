package org.rpmsync.care;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The care module's scheduled work, thin entries only: the work itself is idempotent in the database (a condition
 * raises once, a day is set once), so two instances running it at the same time still raise one alert.
 */
@Component
class CareSchedule {

    private static final Logger log = LoggerFactory.getLogger(CareSchedule.class);
    private final ScheduledRules rules;
    private final RpmRecount recount;

    CareSchedule(ScheduledRules rules, RpmRecount recount) {
        this.rules = rules;
        this.recount = recount;
    }

    /** missed_doses and no_data for every client holding a mapped device. */
    @Scheduled(initialDelayString = "${rpmsync.care.evaluate-every:15m}",
            fixedDelayString = "${rpmsync.care.evaluate-every:15m}")
    void evaluateScheduledRules() {
        int raised = rules.evaluateAll(Instant.now());
        if (raised > 0) {
            log.info("Scheduled rules raised {} alerts", raised);
        }
    }

    /** Clients whose RPM days are not counted in their own time zone yet, a batch at a time. */
    @Scheduled(initialDelayString = "${rpmsync.care.recount-every:1m}",
            fixedDelayString = "${rpmsync.care.recount-every:1m}")
    void recountRpmDays() {
        int done = recount.recountStale(200);
        if (done > 0) {
            log.info("Counted the RPM days of {} clients afresh", done);
        }
    }
}
