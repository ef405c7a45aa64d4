package io.mailflow.runtime.ship;

/**
 * How far the shipper has come, summed over its files.
 *
 * @param lines lines shipped and committed
 * @param bytesRead bytes read from the files, line terminators included
 * @param backfillBytes bytes the files held beyond their start positions when shipping began
 * @param backfilled whether every file has been read to its end at least once
 */
public record ShipProgress(long lines, long bytesRead, long backfillBytes, boolean backfilled) {
    /** The share of the backfill done, from 0 to 1. */
    public double backfillShare() {
        if (backfilled || backfillBytes == 0) {
            return 1;
        }
        return Math.min(1, (double) bytesRead / backfillBytes);
    }
}
