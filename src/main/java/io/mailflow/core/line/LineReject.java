package io.mailflow.core.line;

/**
 * A log line that could not be read, and why.
 *
 * @param host the server that wrote the line
 * @param line the line as it was read, line terminator removed
 * @param reason the kind of problem
 * @param column the 1-based column where reading failed
 * @param expected what the parser expected to find at that column
 * @param message one sentence naming the part, the column and what was expected
 */
public record LineReject(
        String host,
        String line,
        RejectReason reason,
        int column,
        String expected,
        String message) {}
