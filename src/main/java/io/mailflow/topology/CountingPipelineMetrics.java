package io.mailflow.topology;

import io.mailflow.core.delivery.DeliveryStatus;
import io.mailflow.core.line.EventType;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** {@link PipelineMetrics} kept in memory: for tests and for tools that print a summary. */
public final class CountingPipelineMetrics implements PipelineMetrics {
    private final LongAdder lines = new LongAdder();
    private final LongAdder blanks = new LongAdder();
    private final Map<EventType, LongAdder> events = adders(EventType.class);
    private final Map<DeliveryStatus, LongAdder> outcomes = adders(DeliveryStatus.class);
    private final Map<String, LongAdder> rejects = new ConcurrentHashMap<>();

    @Override
    public void lineRead() {
        lines.increment();
    }

    @Override
    public void blankLine() {
        blanks.increment();
    }

    @Override
    public void eventParsed(EventType type) {
        events.get(type).increment();
    }

    @Override
    public void lineRejected(RejectRecord reject) {
        rejects.computeIfAbsent(reject.reason(), r -> new LongAdder()).increment();
    }

    @Override
    public void outcomeEmitted(OutcomeRecord outcome) {
        outcomes.get(outcome.status()).increment();
    }

    public long linesRead() {
        return lines.sum();
    }

    public long blankLines() {
        return blanks.sum();
    }

    public long events(EventType type) {
        return events.get(type).sum();
    }

    public long events() {
        return events.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public long rejects(String reason) {
        LongAdder count = rejects.get(reason);
        return count == null ? 0 : count.sum();
    }

    public long rejects() {
        return rejects.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public long outcomes(DeliveryStatus status) {
        return outcomes.get(status).sum();
    }

    private static <E extends Enum<E>> Map<E, LongAdder> adders(Class<E> type) {
        Map<E, LongAdder> map = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            map.put(e, new LongAdder());
        }
        return map;
    }
}
