package io.mailflow.runtime.broker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;

/**
 * Drops what every embedded broker logs although nothing is wrong: the controller announcing that a
 * freshly formatted metadata log is empty; the broker's registration channel being closed twice on
 * shutdown; and the error, with its stack trace, that the broker logs when a transactional
 * producer's second batch for a partition arrives before its first (Kafka 4's transactions v2
 * reject it, and the producer sends it again). They still show when the logger is set to INFO or
 * finer, so whoever asks for Kafka's details gets all of them.
 *
 * <p>An appender's filter, not a turbo filter: logback asks turbo filters at every level check, and
 * the Kafka clients check whether TRACE is on several times per record.
 */
public final class BrokerNoiseFilter extends Filter<ILoggingEvent> {
    /**
     * One harmless message.
     *
     * @param logger the logger's name
     * @param level the level it is logged at
     * @param message a part of its message
     * @param cause the class of the exception it carries, or null for none
     * @param causeMessage a part of that exception's message, or null
     */
    private record Harmless(
            String logger, Level level, String message, String cause, String causeMessage) {
        boolean matches(ILoggingEvent event) {
            return event.getLoggerName().equals(logger)
                    && event.getLevel() == level
                    && event.getMessage() != null
                    && event.getMessage().contains(message)
                    && (cause == null || causedBy(event.getThrowableProxy()));
        }

        private boolean causedBy(IThrowableProxy thrown) {
            return thrown != null
                    && thrown.getClassName().equals(cause)
                    && thrown.getMessage() != null
                    && thrown.getMessage().contains(causeMessage);
        }
    }

    private static final List<Harmless> HARMLESS =
            List.of(
                    new Harmless(
                            "org.apache.kafka.controller.QuorumController",
                            Level.WARN,
                            "The metadata log appears to be empty",
                            null,
                            null),
                    new Harmless(
                            "org.apache.kafka.clients.NetworkClient",
                            Level.WARN,
                            "Attempting to close NetworkClient that has already been closed",
                            null,
                            null),
                    new Harmless(
                            "kafka.server.ReplicaManager",
                            Level.ERROR,
                            "Error processing append operation on partition",
                            "org.apache.kafka.common.errors.OutOfOrderSequenceException",
                            "Expected sequence 0 for transactions v2 idempotent producer with no"
                                    + " existing state"));

    @Override
    public FilterReply decide(ILoggingEvent event) {
        for (Harmless harmless : HARMLESS) {
            if (harmless.matches(event) && !infoEnabled(event.getLoggerName())) {
                return FilterReply.DENY;
            }
        }
        return FilterReply.NEUTRAL;
    }

    private boolean infoEnabled(String loggerName) {
        return getContext() instanceof LoggerContext loggers
                && loggers.getLogger(loggerName).isInfoEnabled();
    }
}
