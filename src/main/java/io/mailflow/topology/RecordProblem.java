package io.mailflow.topology;

/**
 * Why an input record yielded no line to parse. Sits beside {@link
 * io.mailflow.core.line.RejectReason}, which says why a line could not be read.
 */
public enum RecordProblem {
    /** The record starts like a JSON envelope but is not a valid JSON object. */
    BAD_ENVELOPE,
    /** A JSON envelope with no {@code message} or {@code log} text in it. */
    NO_MESSAGE
}
