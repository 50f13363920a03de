package org.rpmsync;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void modulesOnlyUseWhatTheyAreAllowedTo() {
        ApplicationModules.of(RpmSyncApplication.class).verify();
    }
}
