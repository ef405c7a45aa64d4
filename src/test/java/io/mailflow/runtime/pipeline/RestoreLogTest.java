package io.mailflow.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RestoreLogTest {
    private static final TopicPartition DELIVERIES =
            new TopicPartition("app-deliveries-changelog", 0);
    private static final TopicPartition CLOCKS = new TopicPartition("app-host-clocks-changelog", 1);

    @Test
    void batchesOfSeveralStores_addUpToTheRestoredRecords() {
        RestoreLog log = new RestoreLog();

        log.onRestoreStart(DELIVERIES, "deliveries", 0, 700);
        log.onRestoreStart(CLOCKS, "host-clocks", 10, 14);
        log.onBatchRestored(DELIVERIES, "deliveries", 499, 500);
        log.onBatchRestored(CLOCKS, "host-clocks", 13, 4);
        log.onBatchRestored(DELIVERIES, "deliveries", 699, 200);
        log.onRestoreEnd(DELIVERIES, "deliveries", 700);
        log.onRestoreEnd(CLOCKS, "host-clocks", 4);
        log.report();

        assertThat(log.restoredRecords()).isEqualTo(704);
    }

    @Test
    void reportWhenProcessingStarts_keepsTheTotalSinceStart() {
        RestoreLog log = new RestoreLog();

        log.onBatchRestored(DELIVERIES, "deliveries", 9, 10);
        log.report();
        log.onBatchRestored(CLOCKS, "host-clocks", 2, 3);
        log.report();

        assertThat(log.restoredRecords()).isEqualTo(13);
    }
}
