package io.mailflow.runtime.config;

/** How Kafka Streams commits the pipeline's progress; the names are Kafka Streams' own. */
public enum ProcessingGuarantee {
    /** Each line changes the delivery state and the outputs exactly once, through transactions. */
    EXACTLY_ONCE_V2,
    /** Faster; after a crash some lines are processed again and outcomes may be emitted twice. */
    AT_LEAST_ONCE;

    /** The value of Kafka Streams' {@code processing.guarantee}. */
    public String streamsValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
