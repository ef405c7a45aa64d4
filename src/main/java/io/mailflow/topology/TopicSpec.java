package io.mailflow.topology;

import java.util.Map;
import java.util.Objects;

/**
 * A topic the pipeline needs, as it should be created when it does not exist yet.
 *
 * @param name the topic's name
 * @param partitions how many partitions to create it with
 * @param configs topic-level configs such as {@code cleanup.policy} or {@code retention.ms}
 */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {

    public TopicSpec {
        Objects.requireNonNull(name, "name can't be null");
        Objects.requireNonNull(configs, "configs can't be null");
        if (partitions < 1) {
            throw new IllegalArgumentException(
                    "partitions of topic " + name + " is " + partitions + "; expected at least 1");
        }
        configs = Map.copyOf(configs);
    }
}
