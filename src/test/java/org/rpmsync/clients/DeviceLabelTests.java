package org.rpmsync.clients;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceLabelTests {

    @Test
    void showsTheNameAndTheLastThreeCharactersOfTheId() {
        assertThat(DeviceLabel.of("Tenovi Pillbox", "a81c77e0-5f0e-4b7e-9d1e-3b2a1c0d9f2b"))
                .isEqualTo("Tenovi Pillbox · …f2b");
    }

    @Test
    void saysDeviceWhileTheNameIsUnknownAndKeepsShortIdsWhole() {
        assertThat(DeviceLabel.of(null, "abcdef")).isEqualTo("Device · …def");
        assertThat(DeviceLabel.of("  ", "ab")).isEqualTo("Device · ab");
        assertThat(DeviceLabel.of("Tenovi Watch", null)).isEqualTo("Tenovi Watch");
    }
}
