package io.mailflow.generate;

import io.mailflow.core.line.EventType;

/** Something planned that writes one or more log lines, each numbered by a part. */
interface LineSource {

    /** The event type a parser must read from the given line. */
    EventType type(int part);

    /** Appends the line after its timestamp and the space that follows it. */
    void appendBody(int part, StringBuilder out);

    /**
     * What the line belongs to: a message with all its recipients, a session, or the line alone.
     * Lines of one subject are never written out of time order by a deliberate swap.
     */
    Object subject();
}
