package io.mailflow.generate;

import java.util.HashSet;
import java.util.Set;

/**
 * Keeps a sender and recipient pair from returning on one host within a window. A reader matches an
 * smtp-in line to the queued line it precedes by that pair, so two messages of one pair close
 * together would make the origin ambiguous. Pairs are compared ignoring ASCII case, by a 64-bit
 * hash: a collision only makes the caller pick another recipient.
 */
final class PairGuard {
    private final long window;
    private final Set<Long> pairs = new HashSet<>();
    private long[] times = new long[256];
    private long[] hashes = new long[256];
    private int head;
    private int size;

    PairGuard(long windowSeconds) {
        this.window = windowSeconds;
    }

    /** Forgets pairs taken more than the window before {@code now}; times must not go back. */
    void advanceTo(long now) {
        while (size > 0 && times[head] <= now - window) {
            pairs.remove(hashes[head]);
            head = (head + 1) % times.length;
            size--;
        }
    }

    boolean isFree(String sender, String recipient) {
        return !pairs.contains(hash(sender, recipient));
    }

    void take(long at, String sender, String recipient) {
        long hash = hash(sender, recipient);
        if (pairs.add(hash)) {
            grow();
            int tail = (head + size) % times.length;
            times[tail] = at;
            hashes[tail] = hash;
            size++;
        }
    }

    private void grow() {
        if (size < times.length) {
            return;
        }
        long[] newTimes = new long[times.length * 2];
        long[] newHashes = new long[times.length * 2];
        for (int i = 0; i < size; i++) {
            newTimes[i] = times[(head + i) % times.length];
            newHashes[i] = hashes[(head + i) % hashes.length];
        }
        times = newTimes;
        hashes = newHashes;
        head = 0;
    }

    private static long hash(String sender, String recipient) {
        long hash = 0xcbf29ce484222325L;
        hash = mix(hash, sender);
        hash = (hash ^ ' ') * 0x100000001b3L;
        return mix(hash, recipient);
    }

    /** FNV-1a over the ASCII-lowercased characters. */
    private static long mix(long hash, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            hash = (hash ^ lower) * 0x100000001b3L;
        }
        return hash;
    }
}
