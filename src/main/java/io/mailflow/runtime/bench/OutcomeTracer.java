package io.mailflow.runtime.bench;

import io.mailflow.core.delivery.DeliveryStateMachine;
import io.mailflow.core.line.HostZones;
import io.mailflow.core.line.LogEvent;
import io.mailflow.core.line.LogLineParser;
import io.mailflow.core.line.ParseResult;
import io.mailflow.topology.StoreKeys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Traces each outcome record to the log line that caused it. An outcome is keyed by delivery and
 * stamped with the time of the line that changed it, so the queued, sent and error lines of each
 * delivery are kept by (delivery, line time) in the order they were sent, and the n-th outcome with
 * that key belongs to the n-th such line. Outcomes no line explains (a stall, the origin of relayed
 * mail found later) are not traced.
 */
final class OutcomeTracer implements OutputProbe.Tracer {
    private final Map<String, ArrayDeque<Integer>> linesByOutcome = new HashMap<>();

    OutcomeTracer(BenchLines lines) {
        LogLineParser parser = new LogLineParser(HostZones.utc());
        for (int i = 0; i < lines.size(); i++) {
            if (parser.parse(lines.host(i), lines.line(i)) instanceof ParseResult.Parsed p
                    && p.event().type().isDelivery()) {
                linesByOutcome.computeIfAbsent(key(p.event()), k -> new ArrayDeque<>()).addLast(i);
            }
        }
    }

    @Override
    public synchronized int lineOf(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            return -1;
        }
        String key = key(new String(record.key(), StandardCharsets.UTF_8), record.timestamp());
        ArrayDeque<Integer> lines = linesByOutcome.get(key);
        Integer line = lines == null ? null : lines.pollFirst();
        return line == null ? -1 : line;
    }

    private static String key(LogEvent event) {
        return key(
                StoreKeys.outcome(DeliveryStateMachine.keyOf(event)), event.time().toEpochMilli());
    }

    private static String key(String outcomeKey, long timestamp) {
        return outcomeKey + '@' + timestamp;
    }
}
