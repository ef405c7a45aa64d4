package io.mailflow.runtime.pipeline;

import io.mailflow.core.line.LineSplitter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends the lines of log files to the lines topic the way a shipper keyed by host would: one record
 * per line, the host as key, the line's bytes as value.
 */
final class LineSender {
    private final Map<String, Object> clientConfig;

    LineSender(Map<String, Object> clientConfig) {
        this.clientConfig = Map.copyOf(clientConfig);
    }

    /**
     * Sends every line of {@code inputs} to {@code topic}, file after file, and waits until the
     * broker has them all.
     *
     * @param sent told the running total now and then
     * @return the number of lines sent
     * @throws IOException if a file cannot be read or the broker refuses a record
     */
    long send(List<Replay.Input> inputs, String topic, LongConsumer sent) throws IOException {
        AtomicReference<Exception> failure = new AtomicReference<>();
        long total = 0;
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (Replay.Input input : inputs) {
                total += sendFile(producer, input, topic, failure, total, sent);
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IOException("the broker refused a line of topic " + topic, failure.get());
        }
        sent.accept(total);
        return total;
    }

    private static long sendFile(
            KafkaProducer<byte[], byte[]> producer,
            Replay.Input input,
            String topic,
            AtomicReference<Exception> failure,
            long before,
            LongConsumer sent)
            throws IOException {
        byte[] host = input.host().getBytes(StandardCharsets.UTF_8);
        long[] count = {0};
        try (InputStream in = Files.newInputStream(input.file())) {
            LineSplitter.split(
                    in,
                    line -> {
                        producer.send(
                                new ProducerRecord<>(topic, host, line),
                                (metadata, e) -> {
                                    if (e != null) {
                                        failure.compareAndSet(null, e);
                                    }
                                });
                        if (++count[0] % 10_000 == 0) {
                            sent.accept(before + count[0]);
                        }
                    });
        }
        return count[0];
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
