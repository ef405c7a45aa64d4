package io.mailflow.core.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Properties of the parser over generated input: it never fails, and it reads what is written. */
class LogLineParserPropertiesTest {
    private final LogLineParser parser = new LogLineParser(WebCrossingLines.ZONES);

    @Property(tries = 3000)
    void wellFormedLine_readsAsTheEventThatWroteIt(@ForAll("lines") WebCrossingLines.Rendered r) {
        Statistics.label("type")
                .collect(r.event().type())
                .coverage(
                        coverage -> {
                            for (EventType type : EventType.values()) {
                                coverage.check(type).percentage(p -> p > 3);
                            }
                        });

        assertThat(parser.parse(r.host(), r.line())).isEqualTo(new ParseResult.Parsed(r.event()));
    }

    @Property(tries = 1000)
    void wellFormedLineAsUtf8_readsAsTheEventThatWroteIt(
            @ForAll("lines") WebCrossingLines.Rendered r) {
        byte[] utf8 = r.line().getBytes(StandardCharsets.UTF_8);

        assertThat(parser.parse(r.host(), utf8)).isEqualTo(new ParseResult.Parsed(r.event()));
    }

    @Property(tries = 3000)
    void anyString_givesAResultWithoutThrowing(@ForAll String line) {
        assertThat(parser.parse("h", line)).isNotNull();
    }

    @Property(tries = 3000)
    void anyBytes_giveAResultWithoutThrowing(@ForAll byte[] utf8) {
        assertThat(parser.parse("h", utf8)).isNotNull();
    }

    @Property(tries = 5000)
    void damagedLine_givesAResultAndAnyRejectPointsIntoTheLine(
            @ForAll("damagedLines") String line) {
        ParseResult result = parser.parse("h", line);

        assertThat(result).isNotNull();
        if (result instanceof ParseResult.Rejected rejected) {
            LineReject reject = rejected.reject();
            assertThat(reject.column()).isBetween(1, line.length() + 1);
            assertThat(reject.message()).contains("at column " + reject.column());
            assertThat(line).startsWith(reject.line());
        }
    }

    @Provide
    Arbitrary<WebCrossingLines.Rendered> lines() {
        return WebCrossingLines.lines();
    }

    /** Well-formed lines with a few characters replaced, removed or inserted, or cut short. */
    @Provide
    Arbitrary<String> damagedLines() {
        Arbitrary<Character> chars =
                Arbitraries.oneOf(
                        Arbitraries.of(' ', '\t', ':', '-', '<', '>', '(', ')', '=', '\r', '@'),
                        Arbitraries.chars().alpha().numeric(),
                        Arbitraries.chars());
        Arbitrary<Edit> edits =
                Combinators.combine(
                                Arbitraries.integers().between(0, 2),
                                Arbitraries.doubles().between(0, 1),
                                chars)
                        .as(Edit::new);
        return Combinators.combine(WebCrossingLines.lines(), edits.list().ofMinSize(1).ofMaxSize(4))
                .as((r, list) -> damage(r.line(), list));
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
