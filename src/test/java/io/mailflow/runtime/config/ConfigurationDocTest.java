package io.mailflow.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/configuration.md} equal to what {@link ConfigDoc} generates from the keys. Run
 * with {@code -Dmailflow.docs.write=true} to rewrite the page after changing a key.
 */
class ConfigurationDocTest {
    private static final Path PAGE = Path.of("docs/configuration.md");

    @Test
    void configurationPage_matchesTheKeyDefinitions() throws IOException {
        String generated = ConfigDoc.markdown();
        if (Boolean.getBoolean("mailflow.docs.write")) {
            Files.createDirectories(PAGE.getParent());
            Files.writeString(PAGE, generated, StandardCharsets.UTF_8);
        }

        assertThat(PAGE).exists();
        assertThat(Files.readString(PAGE, StandardCharsets.UTF_8))
                .as("docs/configuration.md is stale; see this test's Javadoc")
                .isEqualTo(generated);
    }

    @Test
    void configurationPage_documentsEveryKeyWithItsDefault() throws IOException {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);

        assertThat(ConfigKeys.ALL)
                .allSatisfy(
                        key ->
                                assertThat(page)
                                        .contains("### `" + key.name() + "`")
                                        .contains(key.doc())
                                        .contains(key.envName()));
    }
}
