package io.mailflow.runtime.http;

import io.mailflow.runtime.http.Ownership.Owners;
import io.mailflow.runtime.http.PeerClient.PeerUnavailable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets one partition's part of an answer from whoever can give it: the active owner first, here or
 * on another instance; when it is unknown or cannot answer, as during a rebalance, a standby copy,
 * and last the active owner's copy while it restores, with the answer marked stale. Fails with a
 * 503 only when no copy answers.
 */
final class PartitionQueries {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionQueries.class);

    /** How long a query waits for a partition being handed over before it answers 503. */
    static final Duration HANDOVER_WAIT = Duration.ofSeconds(3);

    private static final Duration HANDOVER_RETRY = Duration.ofMillis(200);

    private final Ownership ownership;
    private final PeerClient peers;

    /** One copy of a partition to ask, and whether an answer that may be behind will do. */
    private record Copy(HostInfo host, boolean stale) {}

    PartitionQueries(Ownership ownership, PeerClient peers) {
        this.ownership = ownership;
        this.peers = peers;
    }

    /**
     * Asks the owners of {@code owners.partition()}.
     *
     * @param local reads this instance's copy; its argument says whether a stale copy will do
     * @param path the path and query of the partition endpoint, without the {@code stale}
     *     parameter, e.g. {@code /api/partitions/3/domains/example.com?}
     * @param type the answer's type, to read a peer's JSON answer
     */
    <T> T ask(Owners owners, Function<Boolean, T> local, String path, Class<T> type) {
        List<String> refusals = new ArrayList<>();
        long deadline = System.nanoTime() + HANDOVER_WAIT.toNanos();
        Owners current = owners;
        while (true) {
            T answer = tryCopies(current, local, path, type, refusals);
            if (answer != null) {
                return answer;
            }
            if (System.nanoTime() > deadline) {
                break;
            }
            // A partition being handed over can have no queryable copy for a moment: the old
            // owner has closed its task and the new one has not opened it yet.
            pause();
            current = refreshed(current);
        }
        LOG.warn("No copy of partition {} answered: {}", owners.partition(), refusals);
        throw ApiException.unavailable(
                "no copy of partition " + owners.partition() + " answered; try again");
    }

    private <T> T tryCopies(
            Owners owners,
            Function<Boolean, T> local,
            String path,
            Class<T> type,
            List<String> refusals) {
        for (Copy copy : copiesInOrder(owners)) {
            try {
                return from(copy, local, path, type);
            } catch (ApiException | PeerUnavailable e) {
                // Expected while partitions move; only a partition no copy serves is worth a WARN.
                LOG.debug("Copy {} of partition {} did not answer", copy, owners.partition(), e);
                refusals.add(
                        copy.host() + (copy.stale() ? " (stale)" : "") + ": " + e.getMessage());
            }
        }
        return null;
    }

    /** Who serves the partition now, or {@code owners} when the client cannot say. */
    private Owners refreshed(Owners owners) {
        try {
            return ownership.ownersOfPartition(owners.partition());
        } catch (StreamsException e) {
            LOG.debug("Owners of partition {} unknown now: {}", owners.partition(), e.getMessage());
            return owners;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(HANDOVER_RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("interrupted while waiting for a partition's copy");
        }
    }

    /**
     * The copies to ask: the active one for a fresh answer; then, for a stale one, this instance
     * (it may hold a standby or restoring copy the metadata does not list yet, and asking it costs
     * no network), the listed standbys, and last the active one, which may be restoring: standbys
     * are usually closer to the latest state than a copy that is still being rebuilt.
     */
    private List<Copy> copiesInOrder(Owners owners) {
        Set<Copy> copies = new LinkedHashSet<>();
        if (owners.hasActive()) {
            copies.add(new Copy(owners.active(), false));
        }
        copies.add(new Copy(ownership.self(), true));
        for (HostInfo standby : owners.standbys()) {
            copies.add(new Copy(standby, true));
        }
        if (owners.hasActive()) {
            copies.add(new Copy(owners.active(), true));
        }
        return List.copyOf(copies);
    }

    private <T> T from(Copy copy, Function<Boolean, T> local, String path, Class<T> type) {
        if (ownership.isSelf(copy.host())) {
            try {
                return local.apply(copy.stale());
            } catch (InvalidStateStoreException e) {
                // Stores move during a rebalance; the caller tries the next copy.
                throw ApiException.unavailable("this instance's copy is gone: " + e.getMessage());
            }
        }
        return peers.get(copy.host(), path + "&stale=" + copy.stale(), type);
    }
}
