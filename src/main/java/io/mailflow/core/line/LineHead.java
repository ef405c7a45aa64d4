package io.mailflow.core.line;

import java.time.Instant;

/**
 * What every well-formed line starts with: when it was written, then its service and status words,
 * kept as positions in the line so that known words cost no copy.
 *
 * @param host the server that wrote the line
 * @param time the line's time in UTC
 * @param serviceStart the index of the service word
 * @param serviceEnd the index after it
 * @param statusStart the index of the status word
 * @param statusEnd the index after it
 * @param bodyStart the index of the first non-blank after the status, or the line's end
 */
record LineHead(
        String host,
        Instant time,
        int serviceStart,
        int serviceEnd,
        int statusStart,
        int statusEnd,
        int bodyStart) {

    boolean serviceIs(LineCursor c, String word) {
        return c.regionIs(serviceStart, serviceEnd, word);
    }

    boolean statusIs(LineCursor c, String word) {
        return c.regionIs(statusStart, statusEnd, word);
    }
}
