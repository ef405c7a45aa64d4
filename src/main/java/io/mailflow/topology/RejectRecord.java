package io.mailflow.topology;

import io.mailflow.core.line.LineReject;

/**
 * A line or record that could not be read, on {@code webx.log.rejects}.
 *
 * @param schemaVersion the version of this record's shape
 * @param host the server that wrote the line
 * @param line the line as read; for an undecodable record, the record's text
 * @param reason a {@link io.mailflow.core.line.RejectReason} or {@link RecordProblem} name
 * @param message one sentence naming the problem, its column and what was expected
 * @param column the 1-based column where reading failed, or 0 when unknown
 * @param expected what the parser expected at that column, or null
 * @param topic the input topic
 * @param partition the input partition
 * @param offset the input record's offset
 * @param file the shipper's log file, or null
 * @param fileOffset the line's offset in that file, or null
 */
public record RejectRecord(
        int schemaVersion,
        String host,
        String line,
        String reason,
        String message,
        int column,
        String expected,
        String topic,
        int partition,
        long offset,
        String file,
        Long fileOffset)
        implements LineResult {

    public static final int SCHEMA_VERSION = 1;

    static RejectRecord of(LineReject reject, SourceLine source) {
        return new RejectRecord(
                SCHEMA_VERSION,
                source.host(),
                reject.line(),
                reject.reason().name(),
                reject.message(),
                reject.column(),
                reject.expected(),
                source.topic(),
                source.partition(),
                source.offset(),
                source.file(),
                source.fileOffset());
    }

    static RejectRecord undecodable(SourceLine source) {
        return new RejectRecord(
                SCHEMA_VERSION,
                source.host(),
                source.line(),
                source.problem().name(),
                source.problemMessage(),
                source.problemColumn(),
                null,
                source.topic(),
                source.partition(),
                source.offset(),
                source.file(),
                source.fileOffset());
    }
}
