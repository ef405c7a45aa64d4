package io.mailflow.core.classify;

/**
 * What went wrong with a delivery attempt, judged from Web Crossing's error text and the remote
 * server's reply inside it. Each category has the permanence it usually has and the RFC 3463
 * enhanced status code that stands for it when the text carries none.
 */
public enum ErrorCategory {
    /** The mailbox does not exist at the destination. */
    RECIPIENT_UNKNOWN(true, "5.1.1"),
    /** The mailbox exists but is disabled, suspended or inactive. */
    MAILBOX_DISABLED(true, "5.2.1"),
    /** The mailbox is over its quota. */
    MAILBOX_FULL(true, "5.2.2"),
    /** The recipient domain has no mail host, or accepts no mail. */
    HOST_UNKNOWN(true, "5.1.2"),
    /** No connection could be made to the destination, or it dropped. */
    CONNECTION_FAILED(false, "4.4.1"),
    /** The destination throttled: too many connections, messages or recipients. */
    RATE_LIMITED(false, "4.7.0"),
    /** The destination server failed or ran out of resources. */
    REMOTE_SERVER_ERROR(false, "4.3.0"),
    /** SPF, DKIM, DMARC or reverse-DNS checks on the sender failed. */
    SENDER_AUTH_FAILED(true, "5.7.26"),
    /** The sending address or domain is blocklisted or has a bad reputation. */
    BLOCKLISTED(true, "5.7.1"),
    /** The content was judged spam or carried a virus. */
    SPAM_REJECTED(true, "5.7.1"),
    /** Any other refusal by policy: relaying denied, forgery, abuse, sender refused. */
    POLICY_REJECTED(true, "5.7.1"),
    /** The message exceeds a size limit. */
    MESSAGE_TOO_LARGE(true, "5.3.4"),
    /** Web Crossing gave up after its hold window: "Could not deliver mail within NN hour(s)". */
    DELIVERY_EXPIRED(true, "4.4.7"),
    /** No rule matched the text. */
    UNCLASSIFIED(false, null);

    private final boolean permanentByDefault;
    private final String usualStatus;

    ErrorCategory(boolean permanentByDefault, String usualStatus) {
        this.permanentByDefault = permanentByDefault;
        this.usualStatus = usualStatus;
    }

    /** Whether a failure of this kind is permanent when no 4xx reply says otherwise. */
    public boolean permanentByDefault() {
        return permanentByDefault;
    }

    /** The enhanced status code that stands for this category, or null for none. */
    public String usualStatus() {
        return usualStatus;
    }

    /** Whether an error of this category ends the delivery whatever reply code it carries. */
    public boolean endsDelivery() {
        return this == DELIVERY_EXPIRED;
    }
}
