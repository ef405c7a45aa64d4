package io.mailflow.topology;

import io.mailflow.core.line.EventType;

/**
 * The counters the topology keeps. Every input record is one line, and every line ends as exactly
 * one event, one reject or one blank line: {@code lines = events + rejects + blanks}. The runtime
 * backs this with Micrometer; {@link CountingPipelineMetrics} keeps the counts in memory.
 *
 * <p>Called from stream threads, possibly several at once: implementations must be thread-safe and
 * cheap.
 */
public interface PipelineMetrics {

    /** One input record was read. */
    void lineRead();

    /** A line was empty or all blank. */
    void blankLine();

    /** A line was read into an event of {@code type}. */
    void eventParsed(EventType type);

    /**
     * A line or record could not be read; its {@link RejectRecord#reason() reason} is a {@link
     * io.mailflow.core.line.RejectReason} or {@link RecordProblem} name.
     */
    void lineRejected(RejectRecord reject);

    /** An outcome was written; its {@code updatedAt} is the time of the line that caused it. */
    void outcomeEmitted(OutcomeRecord outcome);

    /** Metrics that count nothing. */
    static PipelineMetrics none() {
        return NoMetrics.INSTANCE;
    }

    /** Counts nothing. */
    enum NoMetrics implements PipelineMetrics {
        INSTANCE;

        @Override
        public void lineRead() {}

        @Override
        public void blankLine() {}

        @Override
        public void eventParsed(EventType type) {}

        @Override
        public void lineRejected(RejectRecord reject) {}

        @Override
        public void outcomeEmitted(OutcomeRecord outcome) {}
    }
}
