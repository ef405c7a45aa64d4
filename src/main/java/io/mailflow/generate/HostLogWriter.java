package io.mailflow.generate;

import io.mailflow.core.line.EventType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes one host's sorted lines to its file, slipping damaged and blank lines in between, and
 * counts what it wrote.
 */
final class HostLogWriter {
    /** Blank lines per real line. */
    private static final double BLANK_SHARE = 0.0005;

    private static final String[] BLANKS = {"", "", " ", "\t", "   "};

    /**
     * What was written.
     *
     * @param lines every line of the file
     * @param blankLines the blank ones among them
     * @param events the readable ones by event type, indexed by ordinal
     * @param damaged the damaged ones
     * @param lateErrorLines the error lines written after the sent line they precede
     */
    record Result(
            long lines,
            long blankLines,
            long[] events,
            List<DamagedLine> damaged,
            long lateErrorLines) {}

    private final String host;
    private final SplittableRandom random;
    private final Damager damager;
    private final double damagedShare;
    private final TimestampWriter timestamps = new TimestampWriter();
    private final StringBuilder line = new StringBuilder(256);

    private long written;
    private long blank;
    private long late;
    private final long[] events = new long[EventType.values().length];
    private final List<DamagedLine> damaged = new ArrayList<>();

    HostLogWriter(String host, SplittableRandom random, Damager damager, double damagedShare) {
        this.host = host;
        this.random = random;
        this.damager = damager;
        this.damagedShare = damagedShare;
    }

    Result write(Path file, LineBuffer lines) throws IOException {
        try (AsciiLineWriter out = new AsciiLineWriter(Files.newOutputStream(file))) {
            for (int p = 0; p < lines.size(); p++) {
                render(lines, p);
                writeNoise(out);
                out.writeLine(line);
                written++;
                events[lines.source(p).type(lines.part(p)).ordinal()]++;
                late += lines.isLate(p) ? 1 : 0;
            }
        }
        return new Result(written, blank, events.clone(), List.copyOf(damaged), late);
    }

    private void render(LineBuffer lines, int position) {
        line.setLength(0);
        timestamps.append(line, lines.stamp(position));
        line.append(' ');
        lines.source(position).appendBody(lines.part(position), line);
    }

    /** Maybe writes a damaged line made from the current one, and maybe a blank line. */
    private void writeNoise(AsciiLineWriter out) throws IOException {
        if (random.nextDouble() < damagedShare) {
            Damage kind = damager.nextKind();
            out.writeLine(damager.damage(kind, line));
            written++;
            damaged.add(new DamagedLine(host, written, kind, kind.expectedReason()));
        }
        if (random.nextDouble() < BLANK_SHARE) {
            out.writeLine(
                    BLANKS[random.nextInt(BLANKS.length)].getBytes(StandardCharsets.US_ASCII));
            written++;
            blank++;
        }
    }
}
