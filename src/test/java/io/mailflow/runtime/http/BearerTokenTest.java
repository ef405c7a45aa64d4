package io.mailflow.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerTokenTest {
    @Test
    void noToken_admitsEveryRequest() {
        BearerToken none = BearerToken.of("");

        assertThat(none.required()).isFalse();
        assertThat(none.admits(null)).isTrue();
    }

    @Test
    void token_admitsOnlyTheExactBearerValue() {
        BearerToken token = BearerToken.of("s3cret");

        assertThat(token.required()).isTrue();
        assertThat(token.admits("Bearer s3cret")).isTrue();
        assertThat(token.admits("Bearer s3cret2")).isFalse();
        assertThat(token.admits("Bearer s3cre")).isFalse();
        assertThat(token.admits("Basic s3cret")).isFalse();
        assertThat(token.admits(null)).isFalse();
    }
}
