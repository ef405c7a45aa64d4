package io.mailflow.core.delivery;

import io.mailflow.core.classify.ErrorCategory;
import java.time.Instant;
import java.util.Objects;

/**
 * One failed delivery attempt: an {@code smtp-out error} line and the classifier's verdict on it.
 *
 * @param time when the line was written
 * @param errorText the error text of the line
 * @param category what went wrong
 * @param permanent whether retrying cannot help
 * @param enhancedStatus the RFC 3463 code for the error, or null
 */
public record Attempt(
        Instant time,
        String errorText,
        ErrorCategory category,
        boolean permanent,
        String enhancedStatus) {

    public Attempt {
        Objects.requireNonNull(time, "time can't be null");
        Objects.requireNonNull(category, "category can't be null");
    }

    /** Whether this line ends the delivery whatever its permanence: Web Crossing gave up. */
    public boolean isExpiry() {
        return category.endsDelivery();
    }
}
