package io.mailflow.core.line;

/**
 * Carries a {@link LineReject} from deep in the parser back to {@link LogLineParser#parse}, which
 * turns it into a result; it never leaves the parser. It has no stack trace, so a damaged line
 * costs little more than a good one.
 */
final class LineRejected extends RuntimeException {
    private final transient LineReject reject;

    LineRejected(LineReject reject) {
        super(reject.message(), null, false, false);
        this.reject = reject;
    }

    LineReject reject() {
        return reject;
    }
}
