package io.mailflow.generate;

import io.mailflow.core.line.RejectReason;

/**
 * One damaged line added as noise.
 *
 * @param host the host whose log holds the line
 * @param lineNumber the 1-based line number in that host's file
 * @param damage what was done to the line
 * @param expectedReason the reason a parser should give when it rejects the line
 */
public record DamagedLine(
        String host, long lineNumber, Damage damage, RejectReason expectedReason) {}
