package io.mailflow.runtime.pipeline;

import io.mailflow.core.delivery.DeliveryStatus;
import java.util.Map;

/**
 * The totals of one replay, written as {@code summary.json}.
 *
 * @param linesRead the lines the pipeline read: {@code events + rejects + blankLines}
 * @param events the lines read into events
 * @param rejects the lines that could not be read
 * @param blankLines the empty or all-blank lines
 * @param deliveries the deliveries by their latest status, every status listed
 * @param errors the records written to the errors topic
 * @param inbound the records written to the inbound topic
 * @param sessions the records written to the sessions topic
 */
public record ReplaySummary(
        long linesRead,
        long events,
        long rejects,
        long blankLines,
        Map<DeliveryStatus, Long> deliveries,
        long errors,
        long inbound,
        long sessions) {

    public ReplaySummary {
        deliveries = Map.copyOf(deliveries);
    }
}
