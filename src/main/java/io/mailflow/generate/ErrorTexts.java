package io.mailflow.generate;

import io.mailflow.core.classify.ErrorCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The error texts the generator writes into {@code smtp-out error} lines, each with the category
 * and permanence a classifier must find in it. Web Crossing logs its own short messages ({@code DNS
 * lookup -- no host}) and wraps remote replies in {@code Fatal error from destination SMTP server
 * (...)} or {@code Mail delivery error (...)}; the remote replies are the kinds real servers send.
 *
 * <p>Every text is meant to be unambiguous: it names one kind of failure and carries a reply code
 * that agrees with its permanence. {@link ErrorCategory#UNCLASSIFIED} has no texts, because being
 * unclassified is a property of a rule set, not of a text.
 *
 * <p>Templates may hold {@code {rcpt}} (the recipient), {@code {user}} and {@code {domain}} (its
 * two halves) and {@code {ip}} (a server address).
 */
public final class ErrorTexts {

    /**
     * One error text.
     *
     * @param category the category a classifier must give it
     * @param permanent whether a classifier must call it permanent
     * @param template the text, with placeholders
     */
    public record ErrorText(ErrorCategory category, boolean permanent, String template) {
        public ErrorText {
            Objects.requireNonNull(category, "category can't be null");
            Objects.requireNonNull(template, "template can't be null");
        }

        /** The text as logged for a delivery to {@code recipient}, naming server {@code ip}. */
        public String render(String recipient, String ip) {
            StringBuilder out = new StringBuilder(template.length() + 48);
            appendTo(out, recipient, ip);
            return out.toString();
        }

        void appendTo(StringBuilder out, String recipient, String ip) {
            int at = recipient.indexOf('@');
            int from = 0;
            int open;
            while ((open = template.indexOf('{', from)) >= 0) {
                int close = template.indexOf('}', open);
                out.append(template, from, open);
                String name = template.substring(open + 1, close);
                switch (name) {
                    case "rcpt" -> out.append(recipient);
                    case "user" -> out.append(recipient, 0, Math.max(at, 0));
                    case "domain" -> out.append(recipient, at + 1, recipient.length());
                    case "ip" -> out.append(ip);
                    default -> throw new IllegalStateException("unknown placeholder " + name);
                }
                from = close + 1;
            }
            out.append(template, from, template.length());
        }
    }

    private static final String FATAL = "Fatal error from destination SMTP server (";
    private static final String DELIVERY = "Mail delivery error (";

    private static final List<ErrorText> ALL = catalogue();

    private ErrorTexts() {}

    /** Every text of the catalogue, the expiry text excepted; see {@link #expiry(int)}. */
    public static List<ErrorText> all() {
        return ALL;
    }

    /** The texts of one category and permanence; empty when there are none. */
    public static List<ErrorText> of(ErrorCategory category, boolean permanent) {
        return ALL.stream()
                .filter(t -> t.category() == category && t.permanent() == permanent)
                .toList();
    }

    /** The line Web Crossing writes when it gives up after its hold window. */
    public static String expiry(int holdHours) {
        return "Could not deliver mail within " + holdHours + " hour(s)";
    }

    private static List<ErrorText> catalogue() {
        List<ErrorText> texts = new ArrayList<>();
        recipientUnknown(texts);
        mailboxDisabled(texts);
        mailboxFull(texts);
        hostUnknown(texts);
        connectionFailed(texts);
        rateLimited(texts);
        remoteServerError(texts);
        senderAuthFailed(texts);
        blocklisted(texts);
        spamRejected(texts);
        policyRejected(texts);
        messageTooLarge(texts);
        return List.copyOf(texts);
    }

    private static void recipientUnknown(List<ErrorText> texts) {
        ErrorCategory c = ErrorCategory.RECIPIENT_UNKNOWN;
        permanent(texts, c, "No such user {rcpt}");
        permanent(texts, c, DELIVERY + " <{rcpt}>... User unknown)");
        permanent(
                texts,
                c,
                FATAL
                        + "550 5.1.1 <{rcpt}>: Recipient address rejected: User unknown in"
                        + " virtual mailbox table)");
        permanent(
                texts,
                c,
                FATAL + "550 5.1.1 The email account that you tried to reach does" + " not exist)");
        permanent(texts, c, FATAL + "550 5.1.1 <{rcpt}>... User unknown)");
        permanent(texts, c, DELIVERY + "550 Invalid recipient <{rcpt}>)");
        permanent(texts, c, "This user doesn't have a {domain} account");
        permanent(texts, c, FATAL + "550 5.1.1 {user}@{domain}: no such user here)");
    }

    private static void mailboxDisabled(List<ErrorText> texts) {
        ErrorCategory c = ErrorCategory.MAILBOX_DISABLED;
        permanent(
                texts,
                c,
                FATAL + "550 5.2.1 The email account that you tried to reach is" + " disabled)");
        permanent(
                texts,
                c,
                DELIVERY + "550 5.2.1 <{rcpt}>: mailbox disabled, not accepting" + " messages)");
        permanent(texts, c, FATAL + "550 5.2.1 {rcpt}: account is inactive)");
    }

    private static void mailboxFull(List<ErrorText> texts) {
        ErrorCategory c = ErrorCategory.MAILBOX_FULL;
        permanent(
                texts,
                c,
                "Sorry, your message to {rcpt} cannot be delivered. This account is"
                        + " over quota. - {domain}");
        permanent(texts, c, FATAL + "552 5.2.2 <{rcpt}>: mailbox full)");
        permanent(
                texts,
                c,
                DELIVERY
                        + "552 5.2.2 The email account that you tried to reach is"
                        + " over quota)");
        transientText(texts, c, DELIVERY + "452 4.2.2 <{rcpt}>: mailbox full, try again later)");
        transientText(texts, c, DELIVERY + "452 4.2.2 Over quota, please retry later)");
    }

    private static void hostUnknown(List<ErrorText> texts) {
        ErrorCategory c = ErrorCategory.HOST_UNKNOWN;
        permanent(texts, c, "DNS lookup -- no host");
        permanent(texts, c, FATAL + "556 5.1.10 Recipient address {rcpt} has null MX)");
        permanent(texts, c, DELIVERY + "550 5.1.2 Host unknown: no mail host for {domain})");
    }

    private static void connectionFailed(List<ErrorText> texts) {
        ErrorCategory c = ErrorCategory.CONNECTION_FAILED;
        transientText(texts, c, "Connect error (Internet address disconnected.)");
        transientText(texts, c, "Connect error (Connection refused.)");
        transientText(texts, c, "Connect error (Connection timed out.)");
        transientText(texts, c, "Connect error (Connection reset by peer.)");
        transientText(texts, c, "Disconnected from: {ip}");
    }

    private static void rateLimited(List<ErrorText> texts) {
        ErrorCategory c = ErrorCategory.RATE_LIMITED;
        transientText(
                texts,
                c,
                DELIVERY + "421 4.7.0 Too many connections from {ip}, try again" + " later)");
        transientText(
                texts,
                c,
                DELIVERY + "450 4.7.1 Too many messages from this sender, slow" + " down)");
        transientText(texts, c, DELIVERY + "452 4.5.3 Too many recipients)");
        transientText(
                texts, c, DELIVERY + "451 4.7.1 Greylisted, please try again in 300" + " seconds)");
    }

    private static void remoteServerError(List<ErrorText> texts) {
        ErrorCategory c = ErrorCategory.REMOTE_SERVER_ERROR;
        transientText(
                texts,
                c,
                DELIVERY + "451 4.3.0 Temporary local problem, please try again" + " later)");
        transientText(
                texts,
                c,
                DELIVERY + "421 4.3.2 Service not available, closing" + " transmission channel)");
        transientText(
                texts,
                c,
                DELIVERY + "451 Requested action aborted: local error in" + " processing)");
        transientText(texts, c, DELIVERY + "452 4.3.1 Insufficient system storage)");
    }

    private static void senderAuthFailed(List<ErrorText> texts) {
        ErrorCategory c = ErrorCategory.SENDER_AUTH_FAILED;
        permanent(
                texts,
                c,
                FATAL
                        + "550 5.7.26 Unauthenticated email is not accepted due to"
                        + " the sender domain's DMARC policy)");
        permanent(
                texts,
                c,
                FATAL + "550 5.7.23 Message rejected due to SPF validation" + " failure)");
        permanent(
                texts, c, DELIVERY + "550 5.7.25 The sending address {ip} has no PTR" + " record)");
    }

    private static void blocklisted(List<ErrorText> texts) {
        ErrorCategory c = ErrorCategory.BLOCKLISTED;
        permanent(
                texts,
                c,
                FATAL
                        + "554 5.7.1 Service unavailable; Client host [{ip}] blocked"
                        + " using dnsbl.sorbs.net)");
        permanent(
                texts,
                c,
                FATAL + "550 5.7.1 Rejected: {ip} is listed at" + " b.barracudacentral.org)");
        permanent(texts, c, DELIVERY + "554 5.7.1 Your address {ip} is on our blocklist)");
    }

    private static void spamRejected(List<ErrorText> texts) {
        ErrorCategory c = ErrorCategory.SPAM_REJECTED;
        permanent(texts, c, FATAL + "550 5.7.1 Message rejected as spam by content filter)");
        permanent(texts, c, DELIVERY + "554 5.7.1 This message looks like spam)");
        permanent(texts, c, FATAL + "554 5.7.1 Virus found in message, rejected)");
    }

    private static void policyRejected(List<ErrorText> texts) {
        ErrorCategory c = ErrorCategory.POLICY_REJECTED;
        permanent(texts, c, FATAL + "554 5.7.1 <{rcpt}>: Relay access denied)");
        permanent(texts, c, FATAL + " not our customer)");
        permanent(
                texts,
                c,
                DELIVERY + "553 5.7.1 Sender address rejected: not permitted to" + " relay)");
    }

    private static void messageTooLarge(List<ErrorText> texts) {
        ErrorCategory c = ErrorCategory.MESSAGE_TOO_LARGE;
        permanent(
                texts,
                c,
                FATAL + "552 5.3.4 Message size exceeds fixed maximum message" + " size)");
        permanent(texts, c, DELIVERY + "552 Message size exceeds maximum permitted)");
    }

    private static void permanent(List<ErrorText> texts, ErrorCategory c, String template) {
        texts.add(new ErrorText(c, true, template));
    }

    private static void transientText(List<ErrorText> texts, ErrorCategory c, String template) {
        texts.add(new ErrorText(c, false, template));
    }
}
