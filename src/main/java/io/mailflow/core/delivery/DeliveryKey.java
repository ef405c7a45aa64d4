package io.mailflow.core.delivery;

import java.util.Objects;

/**
 * What identifies one delivery: Web Crossing numbers messages per host, and one message goes to
 * each of its recipients separately. Message IDs restart with the server, so a key may name several
 * deliveries one after the other.
 *
 * @param host the server that logged the delivery
 * @param messageId the smtp-out {@code ID=N}
 * @param recipient the envelope recipient, as written in the log
 */
public record DeliveryKey(String host, long messageId, String recipient) {

    public DeliveryKey {
        Objects.requireNonNull(host, "host can't be null");
        Objects.requireNonNull(recipient, "recipient can't be null");
    }
}
