package io.mailflow.topology;

/** A record that looked like a shipper's JSON envelope could not be read as one. */
final class EnvelopeException extends Exception {
    private final RecordProblem problem;
    private final int column;

    EnvelopeException(RecordProblem problem, String message, int column, Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.column = column;
    }

    RecordProblem problem() {
        return problem;
    }

    /** The 1-based column in the record's text where reading failed, or 0 when unknown. */
    int column() {
        return column;
    }
}
