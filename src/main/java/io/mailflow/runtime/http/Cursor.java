package io.mailflow.runtime.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a listing of deliveries goes on: a partition and the last store key read in it. Keys are
 * read in partition order, then in key order, which does not depend on which instance owns a
 * partition, so a cursor stays valid across pages, instances and rebalances, and every delivery
 * appears once over all pages.
 *
 * @param partition the partition to go on in
 * @param after the last store key read in it, or null to start at its beginning
 */
record Cursor(int partition, String after) {
    private static final String VERSION = "1";
    static final Cursor START = new Cursor(0, null);

    String encode() {
        String plain = VERSION + ':' + partition + ':' + (after == null ? "" : after);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back, or a 400 naming the parameter. */
    static Cursor decode(String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            String[] parts = plain.split(":", 3);
            if (parts.length == 3 && parts[0].equals(VERSION)) {
                int partition = Integer.parseInt(parts[1]);
                if (partition >= 0) {
                    return new Cursor(partition, parts[2].isEmpty() ? null : parts[2]);
                }
            }
        } catch (IllegalArgumentException e) {
            // reported below: the text is not one of our cursors
        }
        throw ApiException.badParameter("cursor", text, "a cursor from a previous page");
    }
}
