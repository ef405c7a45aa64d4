package io.mailflow.topology;

import io.mailflow.core.classify.ErrorCategory;
import io.mailflow.core.delivery.Delivery;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The queryable aggregates. Both are kept per partition (per task): a domain's deliveries are
 * spread over the hosts, hence over partitions, and whoever asks sums the answers of all instances.
 * Keeping them beside the delivery state costs no repartition.
 *
 * <ul>
 *   <li>{@code domain-status-counts}: how many deliveries to each recipient domain are in each
 *       status now. A status change moves one delivery from its old status to its new one; a
 *       delivery that leaves the store after retention stays counted in its last status.
 *   <li>{@code error-counts-hourly}: error lines per host and category in each clock hour, kept for
 *       the retention period.
 * </ul>
 */
final class MailCounts {
    static final Duration HOUR = Duration.ofHours(1);

    private final WriteBackCache<Long> byDomainStatus;
    private final WindowStore<String, Long> errorsHourly;

    MailCounts(WriteBackCache<Long> byDomainStatus, WindowStore<String, Long> errorsHourly) {
        this.byDomainStatus = byDomainStatus;
        this.errorsHourly = errorsHourly;
    }

    /** Counts {@code next} in its status and, when it had one, takes {@code previous} out. */
    void statusChanged(Delivery previous, Delivery next) {
        if (previous != null) {
            add(StoreKeys.domainStatus(previous.recipientDomain(), previous.status()), -1);
        }
        add(StoreKeys.domainStatus(next.recipientDomain(), next.status()), 1);
    }

    void errorLine(String host, ErrorCategory category, Instant time) {
        String key = StoreKeys.hostCategory(host, category);
        long hour = time.toEpochMilli() - Math.floorMod(time.toEpochMilli(), HOUR.toMillis());
        Long count = errorsHourly.fetch(key, hour);
        errorsHourly.put(key, count == null ? 1 : count + 1, hour);
    }

    private void add(String key, long delta) {
        Long count = byDomainStatus.get(key);
        long next = (count == null ? 0 : count) + delta;
        if (next == 0) {
            byDomainStatus.delete(key);
        } else {
            byDomainStatus.put(key, next);
        }
    }
}
