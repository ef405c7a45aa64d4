package io.mailflow.core.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.mailflow.testing.Gens;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Properties of the parser over generated input: it never fails, and it reads what is written. */
class LogLineParserPropertiesTest {
    /** The least share of the generated lines, in percent, each event type must have. */
    private static final double MIN_TYPE_SHARE = 3;

    private final LogLineParser parser = new LogLineParser(WebCrossingLines.ZONES);

    @Test
    void wellFormedLine_readsAsTheEventThatWroteIt() {
        Map<EventType, Integer> types = new EnumMap<>(EventType.class);

        qt().withExamples(3000)
                .forAll(WebCrossingLines.lines())
                .checkAssert(
                        r -> {
                            types.merge(r.event().type(), 1, Integer::sum);
                            assertThat(parser.parse(r.host(), r.line()))
                                    .isEqualTo(new ParseResult.Parsed(r.event()));
                        });

        assertEveryTypeCovered(types);
    }

    @Test
    void wellFormedLineAsUtf8_readsAsTheEventThatWroteIt() {
        qt().withExamples(1000)
                .forAll(WebCrossingLines.lines())
                .checkAssert(
                        r -> {
                            byte[] utf8 = r.line().getBytes(StandardCharsets.UTF_8);

                            assertThat(parser.parse(r.host(), utf8))
                                    .isEqualTo(new ParseResult.Parsed(r.event()));
                        });
    }

    @Test
    void anyString_givesAResultWithoutThrowing() {
        qt().withExamples(3000)
                .forAll(Gens.anyStrings(255))
                .checkAssert(line -> assertThat(parser.parse("h", line)).isNotNull());
    }

    @Test
    void anyBytes_giveAResultWithoutThrowing() {
        qt().withExamples(3000)
                .forAll(Gens.anyBytes(255))
                .checkAssert(utf8 -> assertThat(parser.parse("h", utf8)).isNotNull());
    }

    @Test
    void damagedLine_givesAResultAndAnyRejectPointsIntoTheLine() {
        qt().withExamples(5000).forAll(damagedLines()).checkAssert(this::assertRejectInLine);
    }

    private void assertRejectInLine(String line) {
        ParseResult result = parser.parse("h", line);

        assertThat(result).isNotNull();
        if (result instanceof ParseResult.Rejected rejected) {
            LineReject reject = rejected.reject();
            assertThat(reject.column()).isBetween(1, line.length() + 1);
            assertThat(reject.message()).contains("at column " + reject.column());
            assertThat(line).startsWith(reject.line());
        }
    }

    /** Checks after a run that the generator did not starve any event type. */
    private static void assertEveryTypeCovered(Map<EventType, Integer> types) {
        int total = types.values().stream().mapToInt(Integer::intValue).sum();
        for (EventType type : EventType.values()) {
            double share = 100.0 * types.getOrDefault(type, 0) / total;
            assertThat(share).as("percent of lines of type %s", type).isGreaterThan(MIN_TYPE_SHARE);
        }
    }

    /** Well-formed lines with a few characters replaced, removed or inserted, or cut short. */
    private static Gen<String> damagedLines() {
        Gen<Character> chars =
                Generate.oneOf(
                        arbitrary().pick(' ', '\t', ':', '-', '<', '>', '(', ')', '=', '\r', '@'),
                        Gens.charsOf(Gens.ALPHANUMERIC),
                        Gens.anyChars());
        Gen<Edit> edits = integers().between(0, 2).zip(doubles().between(0, 1), chars, Edit::new);
        return WebCrossingLines.lines()
                .zip(lists().of(edits).ofSizeBetween(1, 4), (r, list) -> damage(r.line(), list));
    }

    private static String damage(String line, List<Edit> edits) {
        StringBuilder damaged = new StringBuilder(line);
        for (Edit edit : edits) {
            edit.apply(damaged);
        }
        return damaged.toString();
    }

    /** One change at a relative position: 0 replaces, 1 removes, 2 inserts. */
    private record Edit(int kind, double where, char c) {
        void apply(StringBuilder line) {
            int at = (int) (where * line.length());
            if (kind == 2 || line.length() == 0) {
                line.insert(at, c);
            } else if (at == line.length()) {
                line.setLength(Math.max(0, at - 1));
            } else if (kind == 0) {
                line.setCharAt(at, c);
            } else {
                line.deleteCharAt(at);
            }
        }
    }
}
