package org.rpmsync.cluster;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.annotation.Scheduled;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code @Scheduled} method of the application runs once across instances ({@code @SchedulerLock}), so a job
 * added later without it fails here. The only exceptions are listed below, each with why it must run on every
 * instance.
 */
class ScheduledWorkTests {

    /** Jobs that keep this instance's own state, and so run on each instance. */
    private static final Set<String> ON_EVERY_INSTANCE = Set.of(
            // the inbox gauges and the readiness check of this instance
            "org.rpmsync.ingest.InboxState.refresh()");

    @Test
    void everyScheduledJobRunsOnceAcrossInstances() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.rpmsync");
        List<JavaMethod> scheduled = classes.stream().flatMap(c -> c.getMethods().stream())
                .filter(m -> m.isAnnotatedWith(Scheduled.class)).toList();
        assertThat(scheduled).extracting(ScheduledWorkTests::name)
                .contains("org.rpmsync.adherence.WeeklyAdherence.recalculateOnSchedule()",
                        "org.rpmsync.ingest.InboxState.purge()")
                .containsAll(ON_EVERY_INSTANCE);
        assertThat(scheduled).filteredOn(m -> !ON_EVERY_INSTANCE.contains(name(m)))
                .allSatisfy(m -> assertThat(m.isAnnotatedWith(SchedulerLock.class))
                        .as("%s is @Scheduled without @SchedulerLock: it would run on every instance", name(m))
                        .isTrue())
                .allSatisfy(m -> assertThat(m.getAnnotationOfType(SchedulerLock.class).lockAtLeastFor())
                        .as("%s: lockAtLeastFor should be its interval, so that one instance runs it per round",
                                name(m))
                        .isNotEmpty());
    }

    private static String name(JavaMethod method) {
        return method.getOwner().getName() + "." + method.getName() + "()";
    }
}
