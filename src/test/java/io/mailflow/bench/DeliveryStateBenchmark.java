package io.mailflow.bench;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailflow.core.classify.Classification;
import io.mailflow.core.classify.ErrorCategory;
import io.mailflow.core.delivery.Delivery;
import io.mailflow.core.delivery.DeliveryStateMachine;
import io.mailflow.core.line.LogEvent;
import io.mailflow.json.Json;
import io.mailflow.topology.serde.BinarySerde;
import io.mailflow.topology.serde.StateSerdes;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Writing and reading one delivery's state, as the {@code deliveries} store does on every event:
 * the hand-written binary form against Jackson JSON of the same record, in the same run. The
 * delivery was retried three times and then sent, a common case. Setup prints both sizes. Run with
 * {@code bench/jmh DeliveryState}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DeliveryStateBenchmark {
    private static final Instant T = Instant.parse("2024-03-12T10:00:00Z");
    private static final String FROM = "newsletter@lists.example.org";
    private static final String TO = "Jane.Doe@mail.example.com";

    private final BinarySerde<Delivery> binary = StateSerdes.delivery();

    /** Lean JSON: the record components only, none of the derived {@code isX()} properties. */
    private final ObjectMapper json =
            Json.mapper().copy().disable(MapperFeature.AUTO_DETECT_IS_GETTERS);

    private Delivery delivery;
    private byte[] binaryBytes;
    private byte[] jsonBytes;

    @Setup
    public void setUp() throws IOException {
        Classification busy =
                new Classification(ErrorCategory.RATE_LIMITED, false, "4.7.0", 421, "rate");
        delivery =
                DeliveryStateMachine.apply(null, LogEvent.queued("mail01", T, 2549, FROM, TO), null)
                        .delivery()
                        .receivedFrom("203.0.113.7");
        for (int i = 1; i <= 3; i++) {
            LogEvent error =
                    LogEvent.deliveryError(
                            "mail01",
                            T.plusSeconds(600L * i),
                            2549,
                            FROM,
                            TO,
                            "421 4.7.0 Too many connections from your IP, try again later");
            delivery = DeliveryStateMachine.apply(delivery, error, busy).delivery();
        }
        LogEvent sent = LogEvent.sent("mail01", T.plusSeconds(2400), 2549, FROM, TO);
        delivery = DeliveryStateMachine.apply(delivery, sent, null).delivery();
        binaryBytes = binary.encode(delivery);
        jsonBytes = json.writeValueAsBytes(delivery);
        System.out.printf(
                "%ndelivery state: %d bytes binary, %d bytes JSON%n",
                binaryBytes.length, jsonBytes.length);
    }

    @Benchmark
    public byte[] writeBinary() {
        return binary.encode(delivery);
    }

    @Benchmark
    public Delivery readBinary() {
        return binary.decode(binaryBytes);
    }

    @Benchmark
    public byte[] writeJson() throws IOException {
        return json.writeValueAsBytes(delivery);
    }

    @Benchmark
    public Delivery readJson() throws IOException {
        return json.readValue(jsonBytes, Delivery.class);
    }
}
