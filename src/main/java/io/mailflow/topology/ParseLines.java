package io.mailflow.topology;

import io.mailflow.core.classify.Classification;
import io.mailflow.core.classify.ErrorClassifier;
import io.mailflow.core.line.EventType;
import io.mailflow.core.line.LineReject;
import io.mailflow.core.line.LogEvent;
import io.mailflow.core.line.LogLineParser;
import io.mailflow.core.line.ParseResult;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses each line once and classifies each error text once; the event's time becomes the record
 * timestamp from here on. Blank lines are counted and dropped.
 */
final class ParseLines implements FixedKeyProcessor<String, SourceLine, LineResult> {
    private static final Logger LOG = LoggerFactory.getLogger(ParseLines.class);

    private final LogLineParser parser;
    private final ErrorClassifier classifier;
    private final PipelineMetrics metrics;
    private FixedKeyProcessorContext<String, LineResult> context;

    ParseLines(LogLineParser parser, ErrorClassifier classifier, PipelineMetrics metrics) {
        this.parser = parser;
        this.classifier = classifier;
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, LineResult> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, SourceLine> record) {
        SourceLine source = record.value();
        if (!source.isDecoded()) {
            reject(record, RejectRecord.undecodable(source));
            return;
        }
        ParseResult result = parser.parse(source.host(), source.line());
        if (result instanceof ParseResult.Parsed parsed) {
            forwardEvent(record, parsed.event());
        } else if (result instanceof ParseResult.Rejected rejected) {
            rejectLine(record, rejected.reject());
        } else {
            metrics.blankLine();
        }
    }

    private void forwardEvent(FixedKeyRecord<String, SourceLine> record, LogEvent event) {
        metrics.eventParsed(event.type());
        Classification c =
                event.type() == EventType.DELIVERY_ERROR
                        ? classifier.classify(event.errorText())
                        : null;
        context.forward(
                record.withValue((LineResult) new ParsedLine(event, c))
                        .withTimestamp(event.time().toEpochMilli()));
    }

    private void rejectLine(FixedKeyRecord<String, SourceLine> record, LineReject reject) {
        SourceLine source = record.value();
        LOG.debug(
                "Rejected the line at {}-{} offset {} (host {}): {} at column {}",
                source.topic(),
                source.partition(),
                source.offset(),
                source.host(),
                reject.reason(),
                reject.column());
        reject(record, RejectRecord.of(reject, source));
    }

    private void reject(FixedKeyRecord<String, SourceLine> record, RejectRecord reject) {
        metrics.lineRejected(reject);
        context.forward(record.withValue(reject));
    }
}
