package io.mailflow.topology;

/**
 * Where an input record sits: named in rejects and in log messages instead of its content.
 *
 * @param topic the topic, or null when unknown (a record produced by a punctuator)
 * @param partition the partition, or -1
 * @param offset the offset, or -1
 */
record RecordCoordinates(String topic, int partition, long offset) {
    static final RecordCoordinates UNKNOWN = new RecordCoordinates(null, -1, -1);
}
