package io.mailflow.topology;

import io.mailflow.core.classify.ErrorCategory;
import io.mailflow.core.delivery.DeliveryKey;
import io.mailflow.core.delivery.DeliveryStatus;
import io.mailflow.core.line.Protocol;

/**
 * The string keys of the topology's stores and output topics. Store keys join their parts with
 * {@code \u0000}, which no part can contain, so that a prefix scan of the leading parts finds
 * exactly the entries under them: all recipients of one message, all sessions of one protocol on
 * one host, all statuses of one domain.
 */
public final class StoreKeys {
    static final char SEP = '\u0000';

    private StoreKeys() {}

    /** {@code host \0 messageId \0 recipient}: a key of the {@code deliveries} store. */
    public static String delivery(DeliveryKey key) {
        return messagePrefix(key.host(), key.messageId()) + key.recipient();
    }

    /** {@code host \0 messageId \0}: the prefix of every recipient of one message. */
    public static String messagePrefix(String host, long messageId) {
        return host + SEP + messageId + SEP;
    }

    /** The delivery key in a {@code deliveries} store key. */
    public static DeliveryKey parseDelivery(String storeKey) {
        String[] parts = split(storeKey, 3, "deliveries");
        try {
            return new DeliveryKey(parts[0], Long.parseLong(parts[1]), parts[2]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "deliveries store key has message ID '" + parts[1] + "', expected a number", e);
        }
    }

    /** {@code host/messageId/recipient}: the key of an outcome record. */
    public static String outcome(DeliveryKey key) {
        return key.host() + '/' + key.messageId() + '/' + key.recipient();
    }

    /** {@code host \0 sender \0 recipient}: a key of the {@code smtp-in-pending} store. */
    static String receipts(String host, String sender, String recipient) {
        return host + SEP + nullToEmpty(sender) + SEP + nullToEmpty(recipient);
    }

    /** The host, sender and recipient of an {@code smtp-in-pending} store key. */
    static String[] parseReceipts(String storeKey) {
        return split(storeKey, 3, "smtp-in-pending");
    }

    /** {@code host \0 protocol \0 ip}: a key of the {@code open-sessions} store. */
    public static String sessions(String host, Protocol protocol, String ip) {
        return sessionPrefix(host, protocol) + nullToEmpty(ip);
    }

    /** {@code host \0 protocol \0}: the prefix of every open session of one protocol. */
    public static String sessionPrefix(String host, Protocol protocol) {
        return host + SEP + protocol.name() + SEP;
    }

    /** {@code domain \0 STATUS}: a key of the {@code domain-status-counts} store. */
    public static String domainStatus(String domain, DeliveryStatus status) {
        return domainPrefix(domain) + status.name();
    }

    /** {@code domain \0}: the prefix of every status count of one domain. */
    public static String domainPrefix(String domain) {
        return nullToEmpty(domain) + SEP;
    }

    /** {@code host \0 CATEGORY}: a key of the {@code error-counts-hourly} store. */
    public static String hostCategory(String host, ErrorCategory category) {
        return host + SEP + category.name();
    }

    private static String[] split(String storeKey, int parts, String store) {
        String[] split = storeKey.split(String.valueOf(SEP), -1);
        if (split.length != parts) {
            throw new IllegalArgumentException(
                    store
                            + " store key has "
                            + split.length
                            + " part(s), expected "
                            + parts
                            + " separated by \\u0000");
        }
        return split;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
