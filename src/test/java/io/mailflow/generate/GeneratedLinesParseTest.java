package io.mailflow.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflow.core.line.EventType;
import io.mailflow.core.line.HostZones;
import io.mailflow.core.line.LogEvent;
import io.mailflow.core.line.LogLineParser;
import io.mailflow.core.line.ParseResult;
import io.mailflow.generate.ReadLines.Line;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mailflow's parser reads every generated line as the generator meant it. */
class GeneratedLinesParseTest {
    private static final LogLineParser PARSER = new LogLineParser(HostZones.utc());

    @TempDir static Path directory;
    private static GeneratedRun run;

    @BeforeAll
    static void generate() throws IOException {
        run = GeneratedRun.generate(GeneratorSettings.of(3, 2000).withSeed(11), directory);
    }

    @Test
    void readableLines_parseToTheEventsTheSummaryCounts() throws IOException {
        Map<EventType, Long> parsed = new EnumMap<>(EventType.class);
        for (String host : run.linesByHost().keySet()) {
            List<byte[]> raw = rawLines(host);
            for (Line line : run.lines(host)) {
                if (line.kind() != ReadLines.Kind.READ) {
                    continue;
                }
                ParseResult result = PARSER.parse(host, raw.get(line.number() - 1));
                assertThat(result)
                        .as("%s line %d", host, line.number())
                        .isInstanceOf(ParseResult.Parsed.class);
                LogEvent event = ((ParseResult.Parsed) result).event();
                assertSameEvent(host, line, event);
                parsed.merge(event.type(), 1L, Long::sum);
            }
        }
        for (EventType type : EventType.values()) {
            assertThat(parsed.getOrDefault(type, 0L))
                    .as(type.name())
                    .isEqualTo(run.summary().events().get(type));
        }
    }

    @Test
    void damagedLines_areRejectedForTheExpectedReason() throws IOException {
        for (DamagedLine damaged : run.truth().damaged()) {
            byte[] line = rawLines(damaged.host()).get((int) damaged.lineNumber() - 1);

            ParseResult result = PARSER.parse(damaged.host(), line);

            assertThat(result).as("%s", damaged).isInstanceOf(ParseResult.Rejected.class);
            assertThat(((ParseResult.Rejected) result).reject().reason())
                    .as("%s", damaged)
                    .isEqualTo(damaged.expectedReason());
        }
        assertThat(run.truth().damaged()).isNotEmpty();
    }

    @Test
    void everyDamageVariant_isRejectedForTheExpectedReason() throws IOException {
        Damager damager =
                new Damager(new SplittableRandom(3), new Population(new SplittableRandom(4), 100));
        List<Line> lines = run.lines("mail01");
        List<byte[]> raw = rawLines("mail01");
        for (Line line : lines.subList(0, 3000)) {
            if (line.kind() != ReadLines.Kind.READ) {
                continue;
            }
            String real = new String(raw.get(line.number() - 1), StandardCharsets.US_ASCII);
            for (Damage damage : Damage.values()) {
                byte[] damaged = damager.damage(damage, real);

                ParseResult result = PARSER.parse("mail01", damaged);

                assertThat(result)
                        .as("%s of %s", damage, real)
                        .isInstanceOfSatisfying(
                                ParseResult.Rejected.class,
                                r ->
                                        assertThat(r.reject().reason())
                                                .isEqualTo(damage.expectedReason()));
            }
        }
    }

    @Test
    void blankLines_parseAsBlank() throws IOException {
        long blanks = 0;
        for (String host : run.linesByHost().keySet()) {
            List<byte[]> raw = rawLines(host);
            for (Line line : run.lines(host)) {
                if (line.kind() == ReadLines.Kind.BLANK) {
                    assertThat(PARSER.parse(host, raw.get(line.number() - 1)))
                            .isInstanceOf(ParseResult.Blank.class);
                    blanks++;
                }
            }
        }
        assertThat(blanks).isPositive().isEqualTo(run.summary().blankLines());
    }

    private static void assertSameEvent(String host, Line line, LogEvent event) {
        assertThat(event.type()).isEqualTo(line.type());
        assertThat(event.host()).isEqualTo(host);
        assertThat(event.time().getEpochSecond()).isEqualTo(line.at());
        switch (line.type()) {
            case RECEIVED ->
                    assertThat(List.of(event.sender(), event.recipient(), event.clientIp()))
                            .containsExactly(line.sender(), line.recipient(), line.clientIp());
            case QUEUED, SENT -> assertOutgoing(line, event);
            case DELIVERY_ERROR -> {
                assertOutgoing(line, event);
                assertThat(event.errorText()).isEqualTo(line.text());
            }
            case SESSION_CONNECT, SESSION_DISCONNECT ->
                    assertThat(event.clientIp()).isEqualTo(line.clientIp());
            case SESSION_LOGIN ->
                    assertThat(List.of(event.user(), event.clientIp()))
                            .containsExactly(line.user(), line.clientIp());
            case OTHER -> assertThat(event.service()).isEqualTo(line.service());
        }
    }

    private static void assertOutgoing(Line line, LogEvent event) {
        assertThat(event.messageId()).isEqualTo(line.id());
        assertThat(event.recipient()).isEqualTo(line.recipient());
        assertThat(event.sender()).isEqualTo(line.sender());
    }

    private static final Map<String, List<byte[]>> RAW = new HashMap<>();

    /** The host's lines as bytes, without their {@code \n}. */
    private static List<byte[]> rawLines(String host) throws IOException {
        if (!RAW.containsKey(host)) {
            byte[] bytes = Files.readAllBytes(directory.resolve(host + ".log"));
            List<byte[]> lines = new ArrayList<>();
            int from = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    lines.add(Arrays.copyOfRange(bytes, from, i));
                    from = i + 1;
                }
            }
            RAW.put(host, lines);
        }
        return RAW.get(host);
    }
}
