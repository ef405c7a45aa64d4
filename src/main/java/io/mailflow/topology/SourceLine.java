package io.mailflow.topology;

import io.mailflow.topology.serde.BinaryReader;
import io.mailflow.topology.serde.BinarySerde;
import io.mailflow.topology.serde.BinaryWriter;

/**
 * One log line taken out of its input record, with where it came from; or, when the record could
 * not be decoded, the problem and the record's text.
 *
 * @param host the server that wrote the line
 * @param line the line without its terminator; for an undecodable record, the record's text
 * @param file the log file the shipper read, or null when the record does not say
 * @param fileOffset the line's byte offset in that file, or null when the record does not say
 * @param topic the input topic
 * @param partition the input partition
 * @param offset the record's offset in the input partition
 * @param problem why the record yielded no line, or null when it did
 * @param problemMessage one sentence on the problem, or null
 * @param problemColumn the 1-based column of the problem in the record's text, or 0
 */
record SourceLine(
        String host,
        String line,
        String file,
        Long fileOffset,
        String topic,
        int partition,
        long offset,
        RecordProblem problem,
        String problemMessage,
        int problemColumn) {

    /** The binary form used on the repartition topic when input is not keyed by host. */
    static final BinarySerde<SourceLine> SERDE =
            new BinarySerde<>("source line", 160, SourceLine::write, SourceLine::read);

    private static final int VERSION = 1;

    static SourceLine decoded(
            String host, String line, String file, Long fileOffset, RecordCoordinates at) {
        return new SourceLine(
                host,
                line,
                file,
                fileOffset,
                at.topic(),
                at.partition(),
                at.offset(),
                null,
                null,
                0);
    }

    static SourceLine undecodable(
            String host, String text, RecordCoordinates at, EnvelopeException problem) {
        return new SourceLine(
                host,
                text,
                null,
                null,
                at.topic(),
                at.partition(),
                at.offset(),
                problem.problem(),
                problem.getMessage(),
                problem.column());
    }

    boolean isDecoded() {
        return problem == null;
    }

    private static void write(BinaryWriter w, SourceLine s) {
        w.writeByte(VERSION)
                .writeString(s.host)
                .writeString(s.line)
                .writeString(s.file)
                .writeNullableLong(s.fileOffset)
                .writeString(s.topic)
                .writeVarLong(s.partition)
                .writeSignedVarLong(s.offset)
                .writeEnum(s.problem)
                .writeString(s.problemMessage)
                .writeVarLong(s.problemColumn);
    }

    private static SourceLine read(BinaryReader r) {
        r.expectVersion(VERSION);
        return new SourceLine(
                r.readString(),
                r.readString(),
                r.readString(),
                r.readNullableLong(),
                r.readString(),
                r.readVarInt(),
                r.readSignedVarLong(),
                r.readEnum(RecordProblem.class),
                r.readString(),
                r.readVarInt());
    }
}
