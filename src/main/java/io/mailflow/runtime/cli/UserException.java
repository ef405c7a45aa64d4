package io.mailflow.runtime.cli;

/**
 * A problem the user can fix, such as an unreadable file or a broken rule file. Its message is
 * printed as one line and the command exits with {@link ExitCodes#FAILURE}.
 */
public final class UserException extends RuntimeException {
    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
