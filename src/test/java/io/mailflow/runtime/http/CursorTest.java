package io.mailflow.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorTest {
    @Test
    void cursor_survivesEncodingWithSeparatorsAndNonAsciiInTheKey() {
        Cursor cursor = new Cursor(7, "mail01\u00002549\u0000j\u00fcrgen@example.com");

        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void cursorAtAPartitionStart_hasNoKey() {
        assertThat(Cursor.decode(new Cursor(3, null).encode())).isEqualTo(new Cursor(3, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage!", "MTp4OnN0dWZm", "Mjo1Og", "MTotMTo"})
    void foreignText_isA400NamingTheCursorParameter(String text) {
        assertThatThrownBy(() -> Cursor.decode(text))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("parameter 'cursor'");
    }
}
