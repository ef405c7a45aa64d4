package io.mailflow.topology;

import java.time.Instant;

/** Where the trackers send output records; the record timestamp is the event time. */
@FunctionalInterface
interface Emitter {
    void emit(String key, MailOutput value, Instant time);
}
