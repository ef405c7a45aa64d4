package io.mailflow.runtime.http;

import io.mailflow.core.delivery.Delivery;
import io.mailflow.core.delivery.DeliveryStatus;
import java.util.Locale;

/**
 * Which deliveries a listing shows; a null part matches everything.
 *
 * @param status only deliveries in this status
 * @param host only deliveries of this host
 * @param domain only deliveries to this recipient domain, in lower case
 */
record DeliveryFilter(DeliveryStatus status, String host, String domain) {

    /** The filter that {@code request}'s parameters describe; a 400 names a bad one. */
    static DeliveryFilter of(Request request) {
        String status = request.param("status");
        String domain = request.param("domain");
        return new DeliveryFilter(
                status == null ? null : parseStatus(status),
                request.param("host"),
                domain == null ? null : domain.toLowerCase(Locale.ROOT));
    }

    boolean test(Delivery delivery) {
        return (status == null || status == delivery.status())
                && (host == null || host.equals(delivery.host()))
                && (domain == null || domain.equals(delivery.recipientDomain()));
    }

    /** The query string that gives this filter to another instance. */
    String toQuery() {
        StringBuilder query = new StringBuilder();
        append(query, "status", status == null ? null : status.name());
        append(query, "host", host);
        append(query, "domain", domain);
        return query.toString();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null) {
            query.append('&')
                    .append(name)
                    .append('=')
                    .append(
                            java.net.URLEncoder.encode(
                                    value, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static DeliveryStatus parseStatus(String value) {
        try {
            return DeliveryStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter(
                    "status",
                    value,
                    "one of " + java.util.Arrays.toString(DeliveryStatus.values()));
        }
    }
}
