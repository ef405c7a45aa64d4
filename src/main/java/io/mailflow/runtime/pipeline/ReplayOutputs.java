package io.mailflow.runtime.pipeline;

import io.mailflow.topology.TopicNames;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes what a replay's pipeline produced into JSON Lines files, each record as the topic holds
 * it: {@code outcomes.jsonl} (the latest outcome of each delivery), {@code errors.jsonl}, {@code
 * rejects.jsonl}, {@code sessions.jsonl} and {@code inbound.jsonl}.
 */
final class ReplayOutputs {
    static final String OUTCOMES = "outcomes.jsonl";
    static final String ERRORS = "errors.jsonl";
    static final String REJECTS = "rejects.jsonl";
    static final String SESSIONS = "sessions.jsonl";
    static final String INBOUND = "inbound.jsonl";

    /**
     * What was written.
     *
     * @param outcomes the latest outcomes, for the summary
     * @param errors records written to {@link #ERRORS}
     * @param rejects records written to {@link #REJECTS}
     * @param sessions records written to {@link #SESSIONS}
     * @param inbound records written to {@link #INBOUND}
     */
    record Written(
            LatestOutcomes outcomes, long errors, long rejects, long sessions, long inbound) {}

    private final TopicDrainer drainer;
    private final Path directory;

    ReplayOutputs(TopicDrainer drainer, Path directory) {
        this.drainer = drainer;
        this.directory = directory;
    }

    Written write(TopicNames topics) throws IOException {
        LatestOutcomes outcomes = outcomes(topics.outcomes());
        return new Written(
                outcomes,
                copy(topics.errors(), ERRORS),
                copy(topics.rejects(), REJECTS),
                copy(topics.sessions(), SESSIONS),
                copy(topics.inbound(), INBOUND));
    }

    private LatestOutcomes outcomes(String topic) throws IOException {
        LatestOutcomes outcomes = new LatestOutcomes();
        drainer.drain(
                topic,
                r -> outcomes.accept(new String(r.key(), StandardCharsets.UTF_8), r.value()));
        try (OutputStream out = open(OUTCOMES)) {
            for (LatestOutcomes.Outcome outcome : outcomes.latest()) {
                writeLine(out, outcome.json());
            }
        }
        return outcomes;
    }

    private long copy(String topic, String file) throws IOException {
        long[] written = {0};
        try (OutputStream out = open(file)) {
            drainer.drain(
                    topic,
                    r -> {
                        if (r.value() != null) {
                            writeLine(out, r.value());
                            written[0]++;
                        }
                    });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return written[0];
    }

    private OutputStream open(String file) throws IOException {
        return new BufferedOutputStream(Files.newOutputStream(directory.resolve(file)), 1 << 16);
    }

    /** The topology writes compact JSON, so each record is one line. */
    private static void writeLine(OutputStream out, byte[] json) {
        try {
            out.write(json);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
