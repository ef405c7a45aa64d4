package io.mailflow.runtime.broker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Map;
import org.slf4j.Marker;

/**
 * Drops the two warnings every embedded broker logs although nothing is wrong: the controller
 * announcing that a freshly formatted metadata log is empty, and the broker's registration channel
 * being closed twice on shutdown. They still show when the logger is set to INFO or finer, so
 * whoever asks for Kafka's details gets all of them.
 */
public final class BrokerNoiseFilter extends TurboFilter {
    private static final Map<String, String> HARMLESS_WARNINGS =
            Map.of(
                    "org.apache.kafka.controller.QuorumController",
                    "The metadata log appears to be empty",
                    "org.apache.kafka.clients.NetworkClient",
                    "Attempting to close NetworkClient that has already been closed");

    @Override
    public FilterReply decide(
            Marker marker,
            Logger logger,
            Level level,
            String format,
            Object[] params,
            Throwable t) {
        if (level != Level.WARN || format == null || logger.isInfoEnabled()) {
            return FilterReply.NEUTRAL;
        }
        String harmless = HARMLESS_WARNINGS.get(logger.getName());
        return harmless != null && format.contains(harmless)
                ? FilterReply.DENY
                : FilterReply.NEUTRAL;
    }
}
