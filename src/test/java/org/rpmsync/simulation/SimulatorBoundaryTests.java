package org.rpmsync.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.rpmsync.simulator.SimulatorProperties;
import org.springframework.modulith.ApplicationModule;

/**
 * The fake Tenovi speaks HTTP only: {@code simulator}'s sources name no other {@code org.rpmsync} package and
 * {@code simulation}'s name only {@code simulator}.
 */
class SimulatorBoundaryTests {

    @Test
    void simulatorSourcesReferToNoOtherApplicationModule() throws IOException {
        assertThat(naming("simulator", "org\\.rpmsync\\.(?!simulator\\b)[a-z]")).isEmpty();
    }

    @Test
    void simulationSourcesReferToTheSimulatorOnly() throws IOException {
        assertThat(naming("simulation", "org\\.rpmsync\\.(?!simulator\\b|simulation\\b)[a-z]")).isEmpty();
    }

    @Test
    void packagesDeclareApplicationModulesWithTheirOnlyDependency() {
        assertThat(SimulatorProperties.class.getPackage().getAnnotation(ApplicationModule.class).allowedDependencies())
                .isEmpty();
        assertThat(Simulation.class.getPackage().getAnnotation(ApplicationModule.class).allowedDependencies())
                .containsExactly("simulator");
    }

    private static List<Path> naming(String module, String otherModule) throws IOException {
        var pattern = Pattern.compile(otherModule);
        try (var files = Files.list(Path.of("src/main/java/org/rpmsync", module))) {
            return files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    return pattern.matcher(Files.readString(f)).find();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }
}
