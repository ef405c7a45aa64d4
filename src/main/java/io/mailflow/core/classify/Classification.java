package io.mailflow.core.classify;

/**
 * The classifier's verdict on one error text.
 *
 * @param category what went wrong
 * @param permanent whether retrying cannot help; a 4xx reply makes any category transient
 * @param enhancedStatus the RFC 3463 code found in the text, else the category's usual one, or null
 *     when neither exists
 * @param replyCode the three-digit SMTP reply code found in the text, or null
 * @param rule the id of the rule that decided the category
 */
public record Classification(
        ErrorCategory category,
        boolean permanent,
        String enhancedStatus,
        Integer replyCode,
        String rule) {}
