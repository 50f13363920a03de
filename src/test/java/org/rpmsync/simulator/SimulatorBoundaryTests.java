package org.rpmsync.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The simulator speaks HTTP only: its sources name no other {@code org.rpmsync} package. */
class SimulatorBoundaryTests {

    private static final Pattern OTHER_MODULE = Pattern.compile("org\\.rpmsync\\.(?!simulator\\b)[a-z]");

    @Test
    void simulatorSourcesReferToNoOtherApplicationModule() throws IOException {
        try (var files = Files.list(Path.of("src/main/java/org/rpmsync/simulator"))) {
            var offenders = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    return OTHER_MODULE.matcher(Files.readString(f)).find();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertThat(offenders).isEmpty();
        }
    }

    @Test
    void packageDeclaresAnApplicationModuleWithoutDependencies() {
        var module = SimulatorProperties.class.getPackage()
                .getAnnotation(org.springframework.modulith.ApplicationModule.class);
        assertThat(module).isNotNull();
        assertThat(module.allowedDependencies()).isEmpty();
    }
}
