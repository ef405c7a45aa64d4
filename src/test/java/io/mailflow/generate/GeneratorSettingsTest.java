package io.mailflow.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GeneratorSettingsTest {
    private static final GeneratorSettings OK = GeneratorSettings.of(2, 10);

    static Stream<Arguments> badSettings() {
        return Stream.of(
                bad("hosts", () -> new GeneratorSettings(0, 10, 1, OK.start(), 4, 48, 0.002)),
                bad("messages", () -> new GeneratorSettings(1, -1, 1, OK.start(), 4, 48, 0.002)),
                bad("days", () -> OK.withDays(0)),
                bad("days", () -> OK.withDays(367)),
                bad("holdHours", () -> OK.withHoldHours(0)),
                bad("damagedShare", () -> OK.withDamagedShare(-0.1)),
                bad("damagedShare", () -> OK.withDamagedShare(0.6)),
                bad("damagedShare", () -> OK.withDamagedShare(Double.NaN)),
                bad(
                        "start",
                        () -> new GeneratorSettings(1, 1, 1, LocalDate.of(1969, 12, 31), 4, 48, 0)),
                bad(
                        "start",
                        () ->
                                new GeneratorSettings(
                                        1, 1, 1, LocalDate.of(2069, 12, 30), 4, 48, 0)));
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void badValue_isRejectedNamingTheField(String field, Supplier<GeneratorSettings> settings) {
        assertThatThrownBy(settings::get)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(field + " must be");
    }

    @Test
    void defaults_areTheDocumentedOnes() {
        assertThat(OK.seed()).isEqualTo(1);
        assertThat(OK.start()).isEqualTo(LocalDate.of(2003, 6, 20));
        assertThat(OK.days()).isEqualTo(4);
        assertThat(OK.holdHours()).isEqualTo(48);
        assertThat(OK.damagedShare()).isEqualTo(0.002);
    }

    @Test
    void lastDayOf2069_isAllowed() {
        GeneratorSettings settings =
                new GeneratorSettings(1, 1, 1, LocalDate.of(2069, 12, 28), 4, 48, 0);

        assertThat(settings.endSecond() - settings.startSecond()).isEqualTo(4 * 86_400);
    }

    private static Arguments bad(String field, Supplier<GeneratorSettings> settings) {
        return Arguments.of(field, settings);
    }
}
