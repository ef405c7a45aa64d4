package io.mailflow.runtime.broker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Map;

/**
 * Drops the two warnings every embedded broker logs although nothing is wrong: the controller
 * announcing that a freshly formatted metadata log is empty, and the broker's registration channel
 * being closed twice on shutdown. They still show when the logger is set to INFO or finer, so
 * whoever asks for Kafka's details gets all of them.
 *
 * <p>An appender's filter, not a turbo filter: logback asks turbo filters at every level check, and
 * the Kafka clients check whether TRACE is on several times per record.
 */
public final class BrokerNoiseFilter extends Filter<ILoggingEvent> {
    private static final Map<String, String> HARMLESS_WARNINGS =
            Map.of(
                    "org.apache.kafka.controller.QuorumController",
                    "The metadata log appears to be empty",
                    "org.apache.kafka.clients.NetworkClient",
                    "Attempting to close NetworkClient that has already been closed");

    @Override
    public FilterReply decide(ILoggingEvent event) {
        String harmless = HARMLESS_WARNINGS.get(event.getLoggerName());
        if (harmless == null
                || event.getLevel() != Level.WARN
                || event.getMessage() == null
                || !event.getMessage().contains(harmless)
                || infoEnabled(event.getLoggerName())) {
            return FilterReply.NEUTRAL;
        }
        return FilterReply.DENY;
    }

    private boolean infoEnabled(String loggerName) {
        return getContext() instanceof LoggerContext loggers
                && loggers.getLogger(loggerName).isInfoEnabled();
    }
}
