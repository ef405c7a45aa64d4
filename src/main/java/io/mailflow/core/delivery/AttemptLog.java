package io.mailflow.core.delivery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The failed attempts of one delivery, bounded so that a delivery retried for days stays small in
 * its state store: the first {@link #FIRST_KEPT} and the last {@link #LAST_KEPT} attempts by time
 * are kept, and {@link #total()} counts them all.
 *
 * @param kept the kept attempts, oldest first
 * @param total how many attempts were added, kept or not
 */
public record AttemptLog(List<Attempt> kept, int total) {
    /** How many of the earliest attempts are kept: the first error often explains the rest. */
    public static final int FIRST_KEPT = 1;

    /** How many of the latest attempts are kept. */
    public static final int LAST_KEPT = 5;

    private static final AttemptLog EMPTY = new AttemptLog(List.of(), 0);
    private static final Comparator<Attempt> BY_TIME = Comparator.comparing(Attempt::time);

    public AttemptLog {
        kept = List.copyOf(Objects.requireNonNull(kept, "kept can't be null"));
        if (total < kept.size()) {
            throw new IllegalArgumentException(
                    "total " + total + " is below the " + kept.size() + " kept attempts");
        }
    }

    public static AttemptLog empty() {
        return EMPTY;
    }

    /** This log with {@code attempt} added in time order, dropping the middle when full. */
    public AttemptLog add(Attempt attempt) {
        List<Attempt> next = new ArrayList<>(kept.size() + 1);
        next.addAll(kept);
        next.add(insertionPoint(attempt), attempt);
        if (next.size() > FIRST_KEPT + LAST_KEPT) {
            next.remove(FIRST_KEPT);
        }
        return new AttemptLog(next, total + 1);
    }

    /** Whether an attempt with this time and text is among the kept ones. */
    public boolean contains(Attempt attempt) {
        return kept.stream()
                .anyMatch(
                        a ->
                                a.time().equals(attempt.time())
                                        && Objects.equals(a.errorText(), attempt.errorText()));
    }

    /** How many attempts were added but not kept. */
    public int dropped() {
        return total - kept.size();
    }

    private int insertionPoint(Attempt attempt) {
        int i = kept.size();
        while (i > 0 && BY_TIME.compare(kept.get(i - 1), attempt) > 0) {
            i--;
        }
        return i;
    }
}
