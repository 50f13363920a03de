package org.rpmsync.measurements;

import org.junit.jupiter.api.Test;
import org.rpmsync.H2Test;
import org.rpmsync.TestWorld;
import org.springframework.beans.factory.annotation.Autowired;

/** The readings' multi-row insert and its generated keys on the embedded H2 default (PostgreSQL mode). */
@H2Test
class MeasurementRecorderOnH2Tests extends TestWorld {

    @Autowired
    MeasurementRecorder recorder;

    @Test
    void storesManyReadingsOnceAndTellsWhichWereNewOnH2() {
        MeasurementRecorderTests.storesManyOnceAndTellsWhichWereNew(recorder, fixtures.organization());
    }
}
