package io.mailflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflow.core.line.HostZones;
import io.mailflow.core.line.LogEvent;
import io.mailflow.core.line.LogLineParser;
import io.mailflow.core.line.ParseResult;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark compares like with like: both parsers read its lines into the same events. */
class RegexLineParserTest {
    private final HostZones zones = HostZones.all(ZoneId.of("Europe/Berlin"));

    @Test
    void benchmarkMix_readsAsTheSameEventsByBothParsers() {
        LogLineParser parser = new LogLineParser(zones);
        RegexLineParser regex = new RegexLineParser(zones);
        List<String> differing = new ArrayList<>();
        int events = 0;

        for (String line : RealisticLines.mix(4096, 42)) {
            ParseResult result = parser.parse("mail01", line);
            LogEvent expected = result instanceof ParseResult.Parsed parsed ? parsed.event() : null;
            events += expected == null ? 0 : 1;
            if (expected == null
                    ? regex.parse("mail01", line) != null
                    : !expected.equals(regex.parse("mail01", line))) {
                differing.add(line);
            }
        }

        assertThat(differing).isEmpty();
        assertThat(events).isBetween(4000, 4096);
    }
}
