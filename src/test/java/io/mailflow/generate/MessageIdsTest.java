package io.mailflow.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MessageIdsTest {

    @Test
    void ids_countUpFromTheFirst() {
        MessageIds ids = new MessageIds(2549);

        assertThat(ids.allocate(0)).isEqualTo(2549);
        assertThat(ids.allocate(1)).isEqualTo(2550);
        assertThat(ids.reused()).isZero();
    }

    @Test
    void afterRestart_onlyIdsFinishedLongEnoughAgoReturn() {
        MessageIds ids = new MessageIds(100);
        for (int i = 0; i < 10; i++) {
            long id = ids.allocate(i);
            ids.release(id, i % 2 == 0 ? i + 5 : Long.MAX_VALUE);
        }
        ids.restart(new SplittableRandom(1));
        long now = 5 + MessageIds.REST_SECONDS + 10;

        long id = ids.allocate(now);

        assertThat(id).isBetween(100L, 104L).matches(n -> n % 2 == 0, "an ID that finished");
        assertThat(ids.reused()).isEqualTo(1);
    }

    @Test
    void idsStillResting_areSkipped() {
        MessageIds ids = new MessageIds(100);
        ids.release(ids.allocate(0), 50);
        ids.release(ids.allocate(1), 50);
        ids.restart(new SplittableRandom(1));

        assertThat(ids.allocate(50 + MessageIds.REST_SECONDS - 1)).isEqualTo(102);
        assertThat(ids.reused()).isZero();
    }
}
