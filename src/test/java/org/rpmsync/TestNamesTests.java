package org.rpmsync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** No two test classes share a name, so a failing test's name alone says which one failed. */
class TestNamesTests {

    @Test
    void everyTestClassHasANameOfItsOwn() throws IOException {
        Map<String, List<String>> byName;
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            byName = files.filter(f -> f.toString().endsWith(".java"))
                    .collect(Collectors.groupingBy(f -> f.getFileName().toString(),
                            Collectors.mapping(Path::toString, Collectors.toList())));
        }
        assertThat(byName).as("test sources").isNotEmpty();
        assertThat(byName.values().stream().filter(paths -> paths.size() > 1).toList())
                .as("test classes with the same name in different packages").isEmpty();
    }
}
