package io.mailflow.topology;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.TopicConfig;

/**
 * A topic the pipeline writes, with the configuration it should be created with.
 *
 * @param name the topic name
 * @param purpose one sentence on what the topic carries
 * @param config topic-level configuration, e.g. {@code cleanup.policy=compact}
 */
public record TopicSpec(String name, String purpose, Map<String, String> config) {

    public TopicSpec {
        Objects.requireNonNull(name, "name can't be null");
        Objects.requireNonNull(purpose, "purpose can't be null");
        config = Map.copyOf(config);
    }

    /** Whether the topic keeps only the latest record per key. */
    public boolean isCompacted() {
        return TopicConfig.CLEANUP_POLICY_COMPACT.equals(
                config.get(TopicConfig.CLEANUP_POLICY_CONFIG));
    }
}
