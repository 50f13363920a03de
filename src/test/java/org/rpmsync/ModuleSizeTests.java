package org.rpmsync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 §1: one concern per module, and none over about 1,500 lines of Java ({@code src/main}). A module that
 * grows past it is doing more than one job: split it by concern, as {@code tenovi}, {@code care}, {@code reports},
 * {@code organization}, {@code clients} and {@code simulator} were (issue 15).
 */
class ModuleSizeTests {

    private static final Path JAVA = Path.of("src/main/java/org/rpmsync");
    private static final int MOST_LINES = 1_500;

    @Test
    void noModuleIsOverFifteenHundredLines() throws IOException {
        Map<String, Long> lines = new TreeMap<>();
        try (Stream<Path> files = Files.walk(JAVA)) {
            files.filter(f -> f.toString().endsWith(".java") && f.getNameCount() > JAVA.getNameCount() + 1)
                    .forEach(f -> lines.merge(JAVA.relativize(f).getName(0).toString(), lineCount(f), Long::sum));
        }
        assertThat(lines).containsKeys("tenovi", "ingest", "measurements");
        assertThat(lines).allSatisfy((module, count) -> assertThat(count)
                .as(module + " has " + count + " lines").isLessThanOrEqualTo(MOST_LINES));
    }

    /** Issue 15 §6: settings are typed ({@code @ConfigurationProperties} records), never {@code @Value}. */
    @Test
    void settingsAreTypedNotInjectedOneByOne() throws IOException {
        try (Stream<Path> files = Files.walk(JAVA)) {
            assertThat(files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    return Files.readString(f).contains("@Value(");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).map(JAVA::relativize).map(Path::toString).toList()).isEmpty();
        }
    }

    private static long lineCount(Path file) {
        try (Stream<String> text = Files.lines(file)) {
            return text.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
