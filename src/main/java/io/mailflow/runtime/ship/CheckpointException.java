package io.mailflow.runtime.ship;

/** A checkpoint directory or file that cannot be used; the message names it and the problem. */
public final class CheckpointException extends Exception {
    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
