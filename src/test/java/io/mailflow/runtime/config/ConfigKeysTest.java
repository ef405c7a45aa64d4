package io.mailflow.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigKeysTest {
    @Test
    void bootstrapServers_hasMechanicalEnvironmentAndFlagNames() {
        assertThat(ConfigKeys.BOOTSTRAP_SERVERS.envName()).isEqualTo("MAILFLOW_BOOTSTRAP_SERVERS");
        assertThat(ConfigKeys.BOOTSTRAP_SERVERS.flagName()).isEqualTo("--bootstrap-servers");
    }

    @Test
    void everyKey_hasOneSentenceOfDocAndSomethingExpected() {
        assertThat(ConfigKeys.ALL)
                .allSatisfy(
                        key -> {
                            assertThat(key.doc()).endsWith(".").doesNotContain("\n");
                            assertThat(key.expected()).isNotBlank();
                        });
    }

    @Test
    void everyKey_hasItsOwnNameEnvironmentVariableAndFlag() {
        Set<String> seen = new HashSet<>();

        for (ConfigKey<?> key : ConfigKeys.ALL) {
            assertThat(seen.add(key.name())).as(key.name()).isTrue();
            assertThat(seen.add(key.envName())).as(key.envName()).isTrue();
            assertThat(seen.add(key.flagName())).as(key.flagName()).isTrue();
            assertThat(key.name()).doesNotStartWith(ConfigKeys.KAFKA_PREFIX);
        }
    }

    @Test
    void everyDefault_isAValidValue() {
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            assertThat(key.parse(key.defaultText())).as(key.name()).isNotNull();
        }
    }
}
