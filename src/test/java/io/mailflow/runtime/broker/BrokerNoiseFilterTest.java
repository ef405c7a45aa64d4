package io.mailflow.runtime.broker;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BrokerNoiseFilterTest {
    private static final String ACTIVATION =
            "[QuorumController id=1] Performing controller activation. The metadata log appears"
                    + " to be empty. Appending 6 bootstrap record(s).";

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

    private Logger logger(String name, Level level) {
        Logger logger = context.getLogger(name);
        logger.setLevel(level);
        return logger;
    }

    private FilterReply decide(Logger logger, Level level, String message) {
        LoggingEvent event = new LoggingEvent();
        event.setLoggerName(logger.getName());
        event.setLevel(level);
        event.setMessage(message);
        return filter.decide(event);
    }
}
