package io.mailflow.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the domain core free of Kafka, JSON, HTTP and command-line code. */
class LayerBoundaryTest {
    private static final Path CORE = Path.of("src/main/java/io/mailflow/core");
    private static final List<String> FORBIDDEN_IN_CORE =
            List.of(
                    "import org.apache.kafka",
                    "import com.fasterxml",
                    "import picocli",
                    "import io.micrometer",
                    "import io.mailflow.topology",
                    "import io.mailflow.runtime",
                    "import io.mailflow.json");

    @Test
    void coreImportsNothingOutsideTheDomain() throws IOException {
        List<String> offending;
        try (Stream<Path> files = Files.walk(CORE)) {
            offending =
                    files.filter(p -> p.toString().endsWith(".java"))
                            .flatMap(LayerBoundaryTest::forbiddenImports)
                            .toList();
        }
        assertThat(offending).isEmpty();
    }

    @Test
    void coreHasSources() throws IOException {
        try (Stream<Path> files = Files.walk(CORE)) {
            assertThat(files.filter(p -> p.toString().endsWith(".java")).count()).isGreaterThan(5);
        }
    }

    private static Stream<String> forbiddenImports(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> FORBIDDEN_IN_CORE.stream().anyMatch(line::startsWith))
                    .map(line -> file + ": " + line);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
