package io.mailflow.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first step: takes the line out of each input record and keys it by host. Counts every record
 * as a line read; a record without a value carries no line and counts as blank.
 */
final class DecodeRecords implements Processor<byte[], byte[], String, SourceLine> {
    private static final Logger LOG = LoggerFactory.getLogger(DecodeRecords.class);

    private final RecordDecoder decoder;
    private final PipelineMetrics metrics;
    private ProcessorContext<String, SourceLine> context;

    DecodeRecords(String defaultHost, PipelineMetrics metrics) {
        this.decoder = new RecordDecoder(defaultHost);
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, SourceLine> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        metrics.lineRead();
        if (record.value() == null) {
            metrics.blankLine();
            return;
        }
        RecordCoordinates at = coordinates();
        SourceLine line = decoder.decode(record.key(), record.headers(), record.value(), at);
        if (!line.isDecoded()) {
            LOG.warn(
                    "Cannot decode the record at {}-{} offset {} (host {}): {}",
                    at.topic(),
                    at.partition(),
                    at.offset(),
                    line.host(),
                    line.problem());
        }
        context.forward(new Record<>(line.host(), line, record.timestamp()));
    }

    private RecordCoordinates coordinates() {
        return context.recordMetadata()
                .map(DecodeRecords::coordinatesOf)
                .orElse(RecordCoordinates.UNKNOWN);
    }

    private static RecordCoordinates coordinatesOf(RecordMetadata m) {
        return new RecordCoordinates(m.topic(), m.partition(), m.offset());
    }
}
