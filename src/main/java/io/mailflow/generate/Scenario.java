package io.mailflow.generate;

/**
 * What the generator plans for one delivery. The log may end before the plan does, which leaves the
 * delivery open; {@link TruthStatus} says what the written lines establish.
 */
enum Scenario {
    /** Sent within seconds or minutes, no error. */
    DELIVERED_AT_ONCE(74.0),
    /** One to six transient errors minutes to hours apart, then sent. */
    DEFERRED_THEN_DELIVERED(12.0),
    /** Maybe transient errors, then one permanent error. */
    BOUNCED(9.5),
    /** Transient errors all through the hold window, then the expiry line. */
    EXPIRED(3.0),
    /** Maybe transient errors, then nothing at all: Web Crossing lost track of it. */
    LOST(1.5);

    private final double weight;

    Scenario(double weight) {
        this.weight = weight;
    }

    /** How often the scenario is planned, relative to the others. */
    double weight() {
        return weight;
    }
}
