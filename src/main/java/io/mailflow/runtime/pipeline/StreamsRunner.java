package io.mailflow.runtime.pipeline;

import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one topology with Kafka Streams from {@link #start()} until {@link #close()} or a fatal
 * error, logging each lifecycle step at INFO. An exception that escapes processing stops this
 * instance rather than replacing the thread: mailflow's processing is deterministic, so the same
 * record would fail again.
 */
public final class StreamsRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsRunner.class);

    /** How a run ended. */
    public enum Termination {
        /** {@link #close()} stopped it, for example on SIGTERM. */
        STOPPED,
        /** An error stopped it; {@link #failure()} says which. */
        FAILED
    }

    private final KafkaStreams streams;
    private final CloseOptions closeOptions;
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final RestoreLog restores = new RestoreLog();

    /**
     * A runner whose instance stays in its consumer group on close, so that a restart within the
     * session timeout takes its tasks back without a rebalance.
     *
     * @param topology the topology to run
     * @param properties the Kafka Streams configuration
     * @param closeTimeout how long {@link #close()} waits for the threads to commit and stop
     */
    public StreamsRunner(Topology topology, Properties properties, Duration closeTimeout) {
        this(topology, properties, closeTimeout, GroupMembershipOperation.REMAIN_IN_GROUP);
    }

    /**
     * @param topology the topology to run
     * @param properties the Kafka Streams configuration
     * @param closeTimeout how long {@link #close()} waits for the threads to commit and stop
     * @param onClose whether the instance leaves its consumer group on close; one that will not
     *     come back leaves, so that its group can be deleted at once
     */
    public StreamsRunner(
            Topology topology,
            Properties properties,
            Duration closeTimeout,
            GroupMembershipOperation onClose) {
        this.streams = new KafkaStreams(topology, withAssignorQuirk(properties));
        this.closeOptions =
                CloseOptions.timeout(
                                Objects.requireNonNull(closeTimeout, "closeTimeout can't be null"))
                        .withGroupMembershipOperation(onClose);
        streams.setStateListener(this::onStateChange);
        streams.setUncaughtExceptionHandler(this::onUncaughtException);
        streams.setGlobalStateRestoreListener(restores);
    }

    /**
     * Kafka Streams checks its config a second time inside the consumer's partition assignor, from
     * the consumer's configs only; the main consumer must carry the processing exception handler
     * flag too, or that check warns about it on every start.
     */
    private static Properties withAssignorQuirk(Properties properties) {
        Properties props = new Properties();
        props.putAll(properties);
        String flag = StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG;
        Object value = props.get(flag);
        if (value != null) {
            props.putIfAbsent(StreamsConfig.mainConsumerPrefix(flag), value);
        }
        return props;
    }

    /** Starts the stream threads and returns; they join the group and restore state meanwhile. */
    public void start() {
        LOG.info("Starting the pipeline");
        streams.start();
    }

    /** The Kafka Streams instance, for its stores and metadata. */
    public KafkaStreams streams() {
        return streams;
    }

    /** Whether the instance is {@code RUNNING} within {@code timeout}. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline || isTerminal(streams.state())) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** Blocks until the instance has stopped, then says why. */
    public Termination awaitTermination() throws InterruptedException {
        terminated.await();
        return failure.get() == null ? Termination.STOPPED : Termination.FAILED;
    }

    /** Whether the instance has stopped, by {@link #close()} or by an error. */
    public boolean hasStopped() {
        return terminated.getCount() == 0;
    }

    /**
     * How many changelog records this instance has restored into its stores since it started: all
     * of them after a crash that lost the local state, few when the stores survived.
     */
    public long restoredRecords() {
        return restores.restoredRecords();
    }

    /** The error that stopped the instance, or null. */
    public Throwable failure() {
        return failure.get();
    }

    /** Stops processing, committing what was processed, within the close timeout. */
    @Override
    public void close() {
        long began = System.nanoTime();
        LOG.info("Stopping the pipeline");
        boolean clean = streams.close(closeOptions);
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        if (clean) {
            LOG.info("Pipeline stopped in {} ms", took);
        } else {
            LOG.warn("Pipeline threads still running after {} ms; stopped waiting for them", took);
        }
        terminated.countDown();
    }

    private void onStateChange(KafkaStreams.State now, KafkaStreams.State before) {
        LOG.info("Pipeline state {} -> {}", before, now);
        if (now == KafkaStreams.State.RUNNING) {
            restores.report();
        }
        if (isTerminal(now)) {
            terminated.countDown();
        }
    }

    private StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse onUncaughtException(
            Throwable error) {
        LOG.error("The pipeline stops after an error it cannot skip", error);
        failure.compareAndSet(null, error);
        return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    private static boolean isTerminal(KafkaStreams.State state) {
        return state == KafkaStreams.State.NOT_RUNNING || state == KafkaStreams.State.ERROR;
    }
}
