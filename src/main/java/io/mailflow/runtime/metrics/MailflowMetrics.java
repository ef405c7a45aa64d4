package io.mailflow.runtime.metrics;

import io.mailflow.core.line.EventType;
import io.mailflow.topology.OutcomeRecord;
import io.mailflow.topology.PipelineMetrics;
import io.mailflow.topology.RejectRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The pipeline's counters in Micrometer, scraped as Prometheus text at {@code /metrics}, beside
 * Kafka Streams' own metrics and the JVM's.
 *
 * <ul>
 *   <li>{@code mailflow_lines_read_total}, {@code mailflow_lines_blank_total}
 *   <li>{@code mailflow_events_total{type}}: lines read into events, by event type
 *   <li>{@code mailflow_rejects_total{reason}}: lines and records that could not be read
 *   <li>{@code mailflow_outcomes_total{status,category}}: outcome records written
 *   <li>{@code mailflow_outcome_lag_seconds}: from a line's time to the outcome it caused
 * </ul>
 *
 * <p>Counters are looked up once per label value and cached: the stream threads call these methods
 * for every line.
 */
public final class MailflowMetrics implements PipelineMetrics, AutoCloseable {
    private static final String NO_CATEGORY = "NONE";

    private final PrometheusMeterRegistry registry =
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter lines;
    private final Counter blanks;
    private final Map<EventType, Counter> events = new EnumMap<>(EventType.class);
    private final Map<String, Counter> rejects = new ConcurrentHashMap<>();
    private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();
    private final Timer lag;
    private final RecentRejects recentRejects;
    private KafkaStreamsMetrics streamsMetrics;

    public MailflowMetrics(RecentRejects recentRejects) {
        this.recentRejects = recentRejects;
        lines = counter("mailflow.lines.read", "Input records read, one line each");
        blanks = counter("mailflow.lines.blank", "Empty or all-blank lines, skipped");
        for (EventType type : EventType.values()) {
            events.put(
                    type,
                    Counter.builder("mailflow.events")
                            .description("Lines read into events")
                            .tag("type", type.name())
                            .register(registry));
        }
        lag =
                Timer.builder("mailflow.outcome.lag")
                        .description("Time from a line's log time to the outcome it caused")
                        .publishPercentiles(0.5, 0.99)
                        .register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    /** Adds the metrics of {@code streams}, the Kafka Streams client this instance runs. */
    public synchronized void bind(KafkaStreams streams) {
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Input records read so far, one line each. */
    public long linesRead() {
        return (long) lines.count();
    }

    /** Outcome records written so far, of every status and category. */
    public long outcomesWritten() {
        return Math.round(outcomes.values().stream().mapToDouble(Counter::count).sum());
    }

    /** The Prometheus text exposition of every metric. */
    public String scrape() {
        return registry.scrape();
    }

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
        rejects.computeIfAbsent(
                        reject.reason(),
                        reason ->
                                Counter.builder("mailflow.rejects")
                                        .description("Lines and records that could not be read")
                                        .tag("reason", reason)
                                        .register(registry))
                .increment();
        recentRejects.add(
                new RecentRejects.Entry(
                        Instant.now(),
                        reject.host(),
                        reject.reason(),
                        reject.message(),
                        reject.topic(),
                        reject.partition(),
                        reject.offset()));
    }

    @Override
    public void outcomeEmitted(OutcomeRecord outcome) {
        String category =
                outcome.errorCategory() == null ? NO_CATEGORY : outcome.errorCategory().name();
        outcomes.computeIfAbsent(
                        outcome.status().name() + '/' + category,
                        key ->
                                Counter.builder("mailflow.outcomes")
                                        .description("Outcome records written")
                                        .tag("status", outcome.status().name())
                                        .tag("category", category)
                                        .register(registry))
                .increment();
        if (outcome.updatedAt() != null) {
            Duration behind = Duration.between(outcome.updatedAt(), Instant.now());
            lag.record(behind.isNegative() ? Duration.ZERO : behind);
        }
    }

    @Override
    public synchronized void close() {
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        registry.close();
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }
}
