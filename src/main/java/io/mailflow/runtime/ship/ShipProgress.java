package io.mailflow.runtime.ship;

import java.time.Duration;

/**
 * How far the backfill has come, summed over the files: the reading of what the files held when
 * shipping began. Once every file has been read to its end, the figures stay as they were then.
 *
 * @param lines lines shipped and committed during the backfill
 * @param bytesRead bytes read from the files during the backfill, line terminators included
 * @param backfillBytes bytes the files held beyond their start positions when shipping began
 * @param elapsed time from the first file's start to now, or to the end of the backfill
 * @param backfilled whether every file has been read to its end at least once
 */
public record ShipProgress(
        long lines, long bytesRead, long backfillBytes, Duration elapsed, boolean backfilled) {
    /** The share of the backfill done, from 0 to 1. */
    public double backfillShare() {
        if (backfilled || backfillBytes == 0) {
            return backfilled ? 1 : 0;
        }
        return Math.min(1, (double) bytesRead / backfillBytes);
    }

    /** Lines shipped per second of {@link #elapsed()}. */
    public long linesPerSecond() {
        return Math.round(lines / Math.max(elapsed.toNanos() / 1e9, 1e-3));
    }
}
