package io.mailflow.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflow.core.classify.ErrorCategory;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AttemptLogTest {
    private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

    private static Attempt attempt(int minute) {
        return new Attempt(
                T0.plusSeconds(60L * minute),
                "Connect error " + minute,
                ErrorCategory.CONNECTION_FAILED,
                false,
                "4.4.1");
    }

    @Test
    void manyAttempts_keepFirstAndLastAndCountAll() {
        AttemptLog log = AttemptLog.empty();
        for (int i = 0; i < 20; i++) {
            log = log.add(attempt(i));
        }

        assertThat(log.total()).isEqualTo(20);
        assertThat(log.dropped()).isEqualTo(20 - AttemptLog.FIRST_KEPT - AttemptLog.LAST_KEPT);
        assertThat(log.kept())
                .extracting(Attempt::errorText)
                .containsExactly(
                        "Connect error 0",
                        "Connect error 15",
                        "Connect error 16",
                        "Connect error 17",
                        "Connect error 18",
                        "Connect error 19");
    }

    @Test
    void attemptsAddedOutOfOrder_areKeptInTimeOrder() {
        AttemptLog log = AttemptLog.empty().add(attempt(5)).add(attempt(1)).add(attempt(3));

        assertThat(log.kept())
                .extracting(Attempt::errorText)
                .containsExactly("Connect error 1", "Connect error 3", "Connect error 5");
    }

    @Test
    void contains_matchesTimeAndText() {
        AttemptLog log = AttemptLog.empty().add(attempt(1));

        assertThat(log.contains(attempt(1))).isTrue();
        assertThat(log.contains(attempt(2))).isFalse();
    }
}
