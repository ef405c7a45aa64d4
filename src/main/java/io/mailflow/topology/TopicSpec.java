package io.mailflow.topology;

import java.util.Map;
import java.util.Objects;

/**
 * A topic the pipeline writes, with the configuration it should be created with.
 *
 * @param name the topic name
 * @param purpose one sentence on what the topic carries
 * @param config topic-level configuration, e.g. {@code cleanup.policy=compact}
 */
public record TopicSpec(String name, String purpose, Map<String, String> config) {
    public static final String CLEANUP_POLICY = "cleanup.policy";

    public TopicSpec {
        Objects.requireNonNull(name, "name can't be null");
        Objects.requireNonNull(purpose, "purpose can't be null");
        config = Map.copyOf(config);
    }

    /** Whether the topic keeps only the latest record per key. */
    public boolean isCompacted() {
        return "compact".equals(config.get(CLEANUP_POLICY));
    }
}
