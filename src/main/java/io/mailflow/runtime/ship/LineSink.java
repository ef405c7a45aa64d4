package io.mailflow.runtime.ship;

/** Where a {@link LogFollower} hands its lines, in file order. */
@FunctionalInterface
public interface LineSink {
    void accept(FollowedLine line);
}
