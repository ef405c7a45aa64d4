package io.mailflow.runtime.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class OutcomeTracerTest {
    private static final String QUEUED =
            "20-Jun-03 06:11:03 smtp-out OK ID=2549 Send email. Outgoing message queued"
                    + " To: c@d.org From: a@b.com";
    private static final String ERROR =
            "20-Jun-03 06:11:04 smtp-out error ID=2549 Send email. Failed: 451 try later"
                    + " To: c@d.org From: a@b.com";
    private static final String ERROR_AGAIN =
            "20-Jun-03 06:11:04 smtp-out error ID=2549 Send email. Failed: 451 still busy"
                    + " To: c@d.org From: a@b.com";
    private static final String RECEIVED =
            "20-Jun-03 06:11:02 smtp-in OK (Received mail from: a@b.com to: c@d.org"
                    + " client-IP:10.1.2.3)";

    private final OutcomeTracer tracer =
            new OutcomeTracer(
                    BenchLines.of(
                            List.of("mail01", "mail01", "mail01", "mail02", "mail01"),
                            List.of(
                                    bytes(RECEIVED),
                                    bytes(QUEUED),
                                    bytes(ERROR),
                                    bytes(QUEUED),
                                    bytes(ERROR_AGAIN))));

    @Test
    void anOutcomeIsTracedToTheLineOfItsDeliveryAndTime() {
        assertThat(tracer.lineOf(outcome("mail01/2549/c@d.org", "2003-06-20T06:11:03Z")))
                .isEqualTo(1);
        assertThat(tracer.lineOf(outcome("mail02/2549/c@d.org", "2003-06-20T06:11:03Z")))
                .isEqualTo(3);
    }

    @Test
    void outcomesOfOneDeliveryAndSecondAreTracedToItsLinesInTurn() {
        String key = "mail01/2549/c@d.org";

        assertThat(tracer.lineOf(outcome(key, "2003-06-20T06:11:04Z"))).isEqualTo(2);
        assertThat(tracer.lineOf(outcome(key, "2003-06-20T06:11:04Z"))).isEqualTo(4);
        assertThat(tracer.lineOf(outcome(key, "2003-06-20T06:11:04Z"))).isEqualTo(-1);
    }

    @Test
    void anOutcomeNoLineCausedIsNotTraced() {
        assertThat(tracer.lineOf(outcome("mail01/2549/c@d.org", "2003-06-22T07:11:03Z")))
                .isEqualTo(-1);
        assertThat(tracer.lineOf(outcome("mail01/9999/c@d.org", "2003-06-20T06:11:03Z")))
                .isEqualTo(-1);
        assertThat(tracer.lineOf(outcome(null, "2003-06-20T06:11:03Z"))).isEqualTo(-1);
    }

    private static ConsumerRecord<byte[], byte[]> outcome(String key, String time) {
        return new ConsumerRecord<>(
                "outcomes",
                0,
                0L,
                Instant.parse(time).toEpochMilli(),
                TimestampType.CREATE_TIME,
                -1,
                -1,
                key == null ? null : bytes(key),
                bytes("{}"),
                new RecordHeaders(),
                java.util.Optional.empty());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
