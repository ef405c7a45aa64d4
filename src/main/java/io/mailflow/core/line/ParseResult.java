package io.mailflow.core.line;

/** What became of one log line: an event, a reject, or nothing at all for a blank line. */
public sealed interface ParseResult {

    /** A line that was read into an event. */
    record Parsed(LogEvent event) implements ParseResult {}

    /** A line that could not be read. */
    record Rejected(LineReject reject) implements ParseResult {}

    /** An empty or all-blank line: skipped, neither an event nor a reject. */
    record Blank() implements ParseResult {
        static final Blank INSTANCE = new Blank();
    }

    static ParseResult blank() {
        return Blank.INSTANCE;
    }
}
