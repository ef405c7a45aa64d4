package io.mailflow.runtime.broker;

/** The cluster refused to list, describe or create the topics mailflow needs. */
public final class TopicProvisioningException extends RuntimeException {
    public TopicProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }
}
