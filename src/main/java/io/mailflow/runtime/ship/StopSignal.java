package io.mailflow.runtime.ship;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Tells the shipper's threads to finish. They wait on it between polls instead of being
 * interrupted, since an interrupt inside a Kafka client call leaves the client unusable.
 */
final class StopSignal {
    private final CountDownLatch stopped = new CountDownLatch(1);

    void request() {
        stopped.countDown();
    }

    boolean requested() {
        return stopped.getCount() == 0;
    }

    /** Waits for {@code time} or until stopping is requested, whichever comes first. */
    void sleep(Duration time) {
        try {
            stopped.await(time.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            request();
        }
    }
}
