package org.rpmsync.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class CareSettingsTests {

    @Test
    void readingsAreCheckedUnlessSwitchedOff() {
        assertThat(bind(Map.of()).checkReadings()).isTrue();
        assertThat(bind(Map.of("rpmsync.care.check-readings", "false")).checkReadings()).isFalse();
    }

    private static CareSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("rpmsync.care", CareSettings.class);
    }
}
