package io.mailflow.bench;

import io.mailflow.core.line.HostZones;
import io.mailflow.core.line.LogEvent;
import io.mailflow.core.line.LogLineParser;
import io.mailflow.core.line.ParseResult;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Lines per second of {@link LogLineParser}, from text and from UTF-8 bytes, beside the {@link
 * RegexLineParser} baseline, over the same {@link RealisticLines} mix in a zone with summer time.
 * Run with {@code bench/jmh -f 1 -wi 3 -w 2 -i 5 -r 2 Parse}; one operation is one line.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParseBenchmark {
    private static final String HOST = "mail01";
    private static final int LINES = 4096;

    private final HostZones zones = HostZones.all(ZoneId.of("Europe/Berlin"));
    private final LogLineParser parser = new LogLineParser(zones);
    private final RegexLineParser regex = new RegexLineParser(zones);
    private String[] lines;
    private byte[][] utf8;
    private int next;

    @Setup
    public void createLines() {
        List<String> mix = RealisticLines.mix(LINES, 42);
        lines = mix.toArray(new String[0]);
        utf8 = new byte[LINES][];
        for (int i = 0; i < LINES; i++) {
            utf8[i] = lines[i].getBytes(StandardCharsets.UTF_8);
        }
    }

    @Benchmark
    public ParseResult handWritten() {
        return parser.parse(HOST, lines[nextIndex()]);
    }

    @Benchmark
    public ParseResult handWrittenUtf8() {
        return parser.parse(HOST, utf8[nextIndex()]);
    }

    @Benchmark
    public LogEvent regexBaseline() {
        return regex.parse(HOST, lines[nextIndex()]);
    }

    private int nextIndex() {
        int i = next;
        next = (i + 1) & (LINES - 1);
        return i;
    }
}
