package io.mailflow.runtime.broker;

/** A broker that has been started, in this JVM or in a child one. */
interface RunningBroker {
    /** Whether the broker can still answer; false once a child JVM has exited. */
    boolean isAlive();

    /** Stops the broker and waits until it has released its ports and files. */
    void stop();

    /** What the broker said about itself, for a failure message; empty when nothing was kept. */
    String diagnostics();
}
