package io.mailflow.runtime.broker;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.spi.FilterReply;
import org.apache.kafka.common.errors.KafkaStorageException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BrokerNoiseFilterTest {
    private static final String ACTIVATION =
            "[QuorumController id=1] Performing controller activation. The metadata log appears"
                    + " to be empty. Appending 6 bootstrap record(s).";

    private static final String APPEND_ERROR =
            "[ReplicaManager broker=1] Error processing append operation on partition"
                    + " WJHmQtK0Rpe0kmzQ2FPs5g:webx.delivery.outcomes-0";
    private static final String NO_STATE =
            "Invalid sequence number for producer 5 at offset 6 in partition"
                    + " webx.delivery.outcomes-0: 1 (incoming seq. number). Expected sequence 0 for"
                    + " transactions v2 idempotent producer with no existing state.";

    private final LoggerContext context = new LoggerContext();
    private final BrokerNoiseFilter filter = new BrokerNoiseFilter();

    @BeforeEach
    void attachToContext() {
        filter.setContext(context);
    }

    @Test
    void harmlessBrokerWarningAtWarnLevel_isDropped() {
        Logger controller = logger("org.apache.kafka.controller.QuorumController", Level.WARN);

        assertThat(decide(controller, Level.WARN, ACTIVATION)).isEqualTo(FilterReply.DENY);
    }

    @Test
    void harmlessBrokerWarningWhenInfoIsAskedFor_isKept() {
        Logger controller = logger("org.apache.kafka.controller.QuorumController", Level.INFO);

        assertThat(decide(controller, Level.WARN, ACTIVATION)).isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void otherWarningOfTheSameLogger_isKept() {
        Logger client = logger("org.apache.kafka.clients.NetworkClient", Level.WARN);

        assertThat(decide(client, Level.WARN, "Connection to node 1 could not be established."))
                .isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void sameTextFromAnotherLogger_isKept() {
        Logger other = logger("io.mailflow.runtime.Something", Level.WARN);

        assertThat(decide(other, Level.WARN, ACTIVATION)).isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void sameTextAsAnError_isKept() {
        Logger controller = logger("org.apache.kafka.controller.QuorumController", Level.WARN);

        assertThat(decide(controller, Level.ERROR, ACTIVATION)).isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void outOfOrderFirstBatchOfATransactionalProducer_isDropped() {
        Logger broker = logger("kafka.server.ReplicaManager", Level.WARN);
        LoggingEvent event = event(broker, Level.ERROR, APPEND_ERROR);
        event.setThrowableProxy(new ThrowableProxy(new OutOfOrderSequenceException(NO_STATE)));

        assertThat(filter.decide(event)).isEqualTo(FilterReply.DENY);
    }

    @Test
    void otherAppendErrorOfTheBroker_isKept() {
        Logger broker = logger("kafka.server.ReplicaManager", Level.WARN);
        LoggingEvent withOtherCause = event(broker, Level.ERROR, APPEND_ERROR);
        withOtherCause.setThrowableProxy(
                new ThrowableProxy(new KafkaStorageException("Disk error while appending")));
        LoggingEvent withoutCause = event(broker, Level.ERROR, APPEND_ERROR);

        assertThat(filter.decide(withOtherCause)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(withoutCause)).isEqualTo(FilterReply.NEUTRAL);
    }

    private Logger logger(String name, Level level) {
        Logger logger = context.getLogger(name);
        logger.setLevel(level);
        return logger;
    }

    private FilterReply decide(Logger logger, Level level, String message) {
        return filter.decide(event(logger, level, message));
    }

    private static LoggingEvent event(Logger logger, Level level, String message) {
        LoggingEvent event = new LoggingEvent();
        event.setLoggerName(logger.getName());
        event.setLevel(level);
        event.setMessage(message);
        return event;
    }
}
