package io.mailflow.runtime.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The bearer token the API may require. Compared in constant time, so that response times do not
 * reveal how much of a guess was right.
 */
final class BearerToken {
    private static final String PREFIX = "Bearer ";
    private final byte[] expected;

    private BearerToken(String token) {
        this.expected = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    /** A token that must be presented, or none at all when {@code token} is null or empty. */
    static BearerToken of(String token) {
        return new BearerToken(token == null || token.isEmpty() ? null : token);
    }

    boolean required() {
        return expected != null;
    }

    /** Whether an {@code Authorization} header value carries the token, or none is required. */
    boolean admits(String authorization) {
        if (expected == null) {
            return true;
        }
        if (authorization == null || !authorization.startsWith(PREFIX)) {
            return false;
        }
        byte[] presented =
                authorization.substring(PREFIX.length()).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, presented);
    }
}
