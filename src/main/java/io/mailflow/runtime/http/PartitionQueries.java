package io.mailflow.runtime.http;

import io.mailflow.runtime.http.Ownership.Owners;
import io.mailflow.runtime.http.PeerClient.PeerUnavailable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets one partition's part of an answer from whoever can give it: the active owner first, here or
 * on another instance; when it is unknown or unreachable, as during a rebalance, a standby or
 * restoring copy, with the answer marked stale. Fails with a 503 only when no copy answers.
 */
final class PartitionQueries {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionQueries.class);

    private final Ownership ownership;
    private final PeerClient peers;

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
        if (owners.hasActive()) {
            try {
                return from(owners.active(), false, local, path, type);
            } catch (ApiException | PeerUnavailable e) {
                LOG.warn(
                        "Active owner {} of partition {} did not answer, trying standbys: {}",
                        owners.active(),
                        owners.partition(),
                        e.getMessage());
            }
        }
        for (HostInfo standby : standbysSelfFirst(owners)) {
            try {
                return from(standby, true, local, path, type);
            } catch (ApiException | PeerUnavailable e) {
                LOG.warn(
                        "Standby {} of partition {} did not answer: {}",
                        standby,
                        owners.partition(),
                        e.getMessage());
            }
        }
        throw ApiException.unavailable(
                "no copy of partition " + owners.partition() + " answered; try again");
    }

    private <T> T from(
            HostInfo host, boolean stale, Function<Boolean, T> local, String path, Class<T> type) {
        if (ownership.isSelf(host)) {
            try {
                return local.apply(stale);
            } catch (InvalidStateStoreException e) {
                // Stores move during a rebalance; the caller tries the next copy.
                throw ApiException.unavailable("this instance's copy is gone: " + e.getMessage());
            }
        }
        return peers.get(host, path + "&stale=" + stale, type);
    }

    /**
     * The standbys, this instance first since asking it costs no network. This instance is added
     * when it is neither active nor a listed standby, since it may still be restoring a copy.
     */
    private List<HostInfo> standbysSelfFirst(Owners owners) {
        List<HostInfo> ordered = new ArrayList<>();
        ordered.add(ownership.self());
        for (HostInfo standby : owners.standbys()) {
            if (!ownership.isSelf(standby)) {
                ordered.add(standby);
            }
        }
        return ordered;
    }
}
