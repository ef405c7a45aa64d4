package io.mailflow.core.classify;

import static io.mailflow.core.classify.ErrorCategory.BLOCKLISTED;
import static io.mailflow.core.classify.ErrorCategory.CONNECTION_FAILED;
import static io.mailflow.core.classify.ErrorCategory.HOST_UNKNOWN;
import static io.mailflow.core.classify.ErrorCategory.MAILBOX_DISABLED;
import static io.mailflow.core.classify.ErrorCategory.MAILBOX_FULL;
import static io.mailflow.core.classify.ErrorCategory.MESSAGE_TOO_LARGE;
import static io.mailflow.core.classify.ErrorCategory.POLICY_REJECTED;
import static io.mailflow.core.classify.ErrorCategory.RATE_LIMITED;
import static io.mailflow.core.classify.ErrorCategory.RECIPIENT_UNKNOWN;
import static io.mailflow.core.classify.ErrorCategory.REMOTE_SERVER_ERROR;
import static io.mailflow.core.classify.ErrorCategory.SENDER_AUTH_FAILED;
import static io.mailflow.core.classify.ErrorCategory.SPAM_REJECTED;
import static io.mailflow.core.classify.ErrorCategory.UNCLASSIFIED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replies in the shapes that the big providers and the common MTAs send, wrapped the way Web
 * Crossing wraps a remote reply: "Fatal error from destination SMTP server (...)" for what it gives
 * up on and "Mail delivery error (...)" otherwise. The addresses and IPs are documentation ones;
 * the wording and the codes are the servers'.
 */
class RealWorldRepliesTest {
    private static final boolean PERMANENT = true;
    private static final boolean TRANSIENT = false;

    private final ErrorClassifier classifier = ErrorClassifier.builtIn();

    @ParameterizedTest
    @MethodSource({"gmail", "outlook", "yahooAndAol", "postfix", "exim", "sendmail", "qmail"})
    void reply_getsCategoryPermanenceAndStatus(
            String text, ErrorCategory category, boolean permanent, String status) {
        Classification verdict = classifier.classify(text);

        assertThat(verdict.category()).as("category of %s", text).isEqualTo(category);
        assertThat(verdict.permanent()).as("permanent").isEqualTo(permanent);
        assertThat(verdict.enhancedStatus()).as("enhanced status").isEqualTo(status);
    }

    @ParameterizedTest
    @MethodSource("others")
    void otherReply_getsCategoryPermanenceAndStatus(
            String text, ErrorCategory category, boolean permanent, String status) {
        reply_getsCategoryPermanenceAndStatus(text, category, permanent, status);
    }

    static Stream<Arguments> gmail() {
        return Stream.of(
                row(
                        fatal(
                                "550-5.1.1 The email account that you tried to reach does not"
                                        + " exist. Please try double-checking the recipient's email"
                                        + " address for typos or unnecessary spaces. Learn more at"
                                        + " https://support.google.com/mail/?p=NoSuchUser"
                                        + " 41be03b00d2f7-5d3c5d3f1a5si1234567a12.345 - gsmtp"),
                        RECIPIENT_UNKNOWN,
                        PERMANENT,
                        "5.1.1"),
                row(
                        fatal(
                                "550-5.2.1 The email account that you tried to reach is disabled."
                                        + " Learn more at"
                                        + " https://support.google.com/mail/?p=DisabledUser"),
                        MAILBOX_DISABLED,
                        PERMANENT,
                        "5.2.1"),
                row(
                        mail(
                                "452-4.2.2 The email account that you tried to reach is over"
                                        + " quota. Please direct the recipient to"
                                        + " https://support.google.com/mail/?p=OverQuotaTemp"),
                        MAILBOX_FULL,
                        TRANSIENT,
                        "4.2.2"),
                row(
                        fatal(
                                "552-5.2.2 The email account that you tried to reach is over quota"
                                        + " and inactive."),
                        MAILBOX_FULL,
                        PERMANENT,
                        "5.2.2"),
                row(
                        mail(
                                "421-4.7.28 [192.0.2.25 15] Our system has detected an unusual rate"
                                    + " of unsolicited mail originating from your IP address. To"
                                    + " protect our users from spam, mail sent from your IP address"
                                    + " has been temporarily rate limited."),
                        RATE_LIMITED,
                        TRANSIENT,
                        "4.7.28"),
                row(
                        mail(
                                "450-4.2.1 The user you are trying to contact is receiving mail at"
                                    + " a rate that prevents additional messages from being"
                                    + " delivered. Please resend your message at a later time."),
                        RATE_LIMITED,
                        TRANSIENT,
                        "4.2.1"),
                row(
                        mail("421-4.7.0 Try again later, closing connection. (EHLO)"),
                        RATE_LIMITED,
                        TRANSIENT,
                        "4.7.0"),
                row(
                        mail(
                                "421-4.7.0 [192.0.2.25] This message is suspicious due to the very"
                                    + " low reputation of the sending IP address. To protect our"
                                    + " users from spam, mail sent from your IP address has been"
                                    + " temporarily rate limited."),
                        BLOCKLISTED,
                        TRANSIENT,
                        "4.7.0"),
                row(
                        fatal(
                                "550-5.7.1 [192.0.2.25] The IP you're using to send mail is not"
                                    + " authorized to send email directly to our servers. Please"
                                    + " use the SMTP relay at your service provider instead."),
                        BLOCKLISTED,
                        PERMANENT,
                        "5.7.1"),
                row(
                        fatal(
                                "550-5.7.1 [192.0.2.25] Our system has detected that this message"
                                    + " is likely unsolicited mail. To reduce the amount of spam"
                                    + " sent to Gmail, this message has been blocked."),
                        SPAM_REJECTED,
                        PERMANENT,
                        "5.7.1"),
                row(
                        fatal(
                                "552-5.7.0 This message was blocked because its content presents a"
                                        + " potential security issue. Please visit"
                                        + " https://support.google.com/mail/?p=BlockedMessage"),
                        SPAM_REJECTED,
                        PERMANENT,
                        "5.7.0"),
                row(
                        fatal(
                                "550-5.7.26 This mail has been blocked because the sender is"
                                        + " unauthenticated. Gmail requires all senders to"
                                        + " authenticate with either SPF or DKIM."),
                        SENDER_AUTH_FAILED,
                        PERMANENT,
                        "5.7.26"),
                row(
                        fatal(
                                "550-5.7.26 Unauthenticated email from example.com is not accepted"
                                        + " due to domain's DMARC policy. Please contact the"
                                        + " administrator of example.com domain if this was a"
                                        + " legitimate mail."),
                        SENDER_AUTH_FAILED,
                        PERMANENT,
                        "5.7.26"),
                row(
                        fatal(
                                "550-5.7.25 [192.0.2.25] The IP address sending this message does"
                                    + " not have a PTR record setup, or the corresponding forward"
                                    + " DNS entry does not point to the sending IP."),
                        SENDER_AUTH_FAILED,
                        PERMANENT,
                        "5.7.25"),
                row(
                        fatal(
                                "552-5.3.4 Your message exceeded Google's message size limits."
                                        + " Please visit"
                                        + " https://support.google.com/mail/?p=MaxSizeError"),
                        MESSAGE_TOO_LARGE,
                        PERMANENT,
                        "5.3.4"),
                row(
                        fatal("530-5.7.0 Must issue a STARTTLS command first."),
                        POLICY_REJECTED,
                        PERMANENT,
                        "5.7.0"),
                row(
                        fatal(
                                "550-5.7.1 [192.0.2.25] Our system has detected that this message"
                                    + " is not RFC 5322 compliant: 'From' header is missing. To"
                                    + " reduce the amount of spam sent to Gmail, this message has"
                                    + " been blocked."),
                        POLICY_REJECTED,
                        PERMANENT,
                        "5.7.1"));
    }

    static Stream<Arguments> outlook() {
        return Stream.of(
                row(
                        fatal(
                                "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by"
                                        + " SMTP address lookup"),
                        RECIPIENT_UNKNOWN,
                        PERMANENT,
                        "5.1.10"),
                row(
                        fatal("550 5.1.1 RESOLVER.ADR.RecipNotFound; not found"),
                        RECIPIENT_UNKNOWN,
                        PERMANENT,
                        "5.1.1"),
                row(
                        fatal(
                                "550 5.5.0 Requested action not taken: mailbox unavailable."
                                        + " [BN8NAM12FT043.eop-nam12.prod.protection.outlook.com]"),
                        RECIPIENT_UNKNOWN,
                        PERMANENT,
                        "5.5.0"),
                row(
                        fatal(
                                "550 5.4.1 Recipient address rejected: Access denied."
                                        + " AS(201806281)"
                                        + " [DB5EUR03FT012.eop-EUR03.prod.protection.outlook.com]"),
                        RECIPIENT_UNKNOWN,
                        PERMANENT,
                        "5.4.1"),
                row(
                        fatal(
                                "550 5.7.1 Unfortunately, messages from [192.0.2.25] weren't sent."
                                    + " Please contact your Internet service provider since part of"
                                    + " their network is on our block list (S3150). You can also"
                                    + " refer your provider to"
                                    + " http://mail.live.com/mail/troubleshooting.aspx#errors."),
                        BLOCKLISTED,
                        PERMANENT,
                        "5.7.1"),
                row(
                        fatal(
                                "550 5.7.1 Unfortunately, messages from [192.0.2.25] weren't sent."
                                    + " Please contact your Internet service provider. You can tell"
                                    + " them that Hotmail does not relay dynamically-assigned IP"
                                    + " ranges. (S3140)"),
                        BLOCKLISTED,
                        PERMANENT,
                        "5.7.1"),
                row(
                        fatal(
                                "550 5.7.606 Access denied, banned sending IP [192.0.2.25]. To"
                                        + " request removal from this list please visit"
                                        + " https://sender.office.com/ and follow the directions."),
                        BLOCKLISTED,
                        PERMANENT,
                        "5.7.606"),
                row(
                        fatal(
                                "550 5.7.708 Service unavailable. Access denied, traffic not"
                                        + " accepted from this IP."),
                        BLOCKLISTED,
                        PERMANENT,
                        "5.7.708"),
                row(
                        mail(
                                "451 4.7.650 The mail server [192.0.2.25] has been temporarily"
                                        + " rate limited due to IP reputation. For e-mail delivery"
                                        + " information, see https://postmaster.live.com (S775)"),
                        BLOCKLISTED,
                        TRANSIENT,
                        "4.7.650"),
                row(
                        mail(
                                "451 4.7.500 Server busy. Please try again later from"
                                        + " [192.0.2.25]. (S77714)"),
                        RATE_LIMITED,
                        TRANSIENT,
                        "4.7.500"),
                row(
                        fatal(
                                "550 5.7.509 Access denied, sending domain EXAMPLE.COM does not"
                                        + " pass DMARC verification and has a DMARC policy of"
                                        + " reject."),
                        SENDER_AUTH_FAILED,
                        PERMANENT,
                        "5.7.509"),
                row(
                        fatal(
                                "550 5.7.515 Access denied, sending domain example.com doesn't"
                                        + " meet the required authentication level."),
                        SENDER_AUTH_FAILED,
                        PERMANENT,
                        "5.7.515"),
                row(
                        fatal(
                                "554 5.2.2 mailbox full;"
                                        + " STOREDRV.Deliver.Exception:QuotaExceededException."
                                        + "MapiExceptionShutoffQuotaExceeded; Failed to process"
                                        + " message due to a permanent exception"),
                        MAILBOX_FULL,
                        PERMANENT,
                        "5.2.2"),
                row(
                        fatal("552 5.3.4 Message size exceeds fixed maximum message size"),
                        MESSAGE_TOO_LARGE,
                        PERMANENT,
                        "5.3.4"),
                row(
                        fatal(
                                "550 5.7.64 TenantAttribution; Relay Access Denied"
                                    + " [SN1NAM02FT0012.eop-nam02.prod.protection.outlook.com]"),
                        POLICY_REJECTED,
                        PERMANENT,
                        "5.7.64"),
                row(
                        fatal("550 5.4.4 SMTPSEND.DNS.NonExistentDomain; nonexistent domain"),
                        HOST_UNKNOWN,
                        PERMANENT,
                        "5.4.4"),
                row(
                        fatal(
                                "554 5.6.11 SMTPSEND.BareLinefeedsAreIllegal; message contains"
                                        + " bare linefeeds, which cannot be sent via DATA"),
                        POLICY_REJECTED,
                        PERMANENT,
                        "5.6.11"),
                row(
                        fatal("550 5.7.1 Message rejected as spam by Content Filtering."),
                        SPAM_REJECTED,
                        PERMANENT,
                        "5.7.1"));
    }

    static Stream<Arguments> yahooAndAol() {
        return Stream.of(
                row(
                        fatal(
                                "554 delivery error: dd This user doesn't have a yahoo.com account"
                                        + " (ann@yahoo.com) [0] - mta1234.mail.gq1.yahoo.com"),
                        RECIPIENT_UNKNOWN,
                        PERMANENT,
                        "5.1.1"),
                row(
                        fatal(
                                "554 delivery error: dd Sorry your message to ann@yahoo.com cannot"
                                        + " be delivered. This account has been disabled or"
                                        + " discontinued [#102]. - mta1001.mail.ne1.yahoo.com"),
                        MAILBOX_DISABLED,
                        PERMANENT,
                        "5.2.1"),
                row(
                        mail(
                                "421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred"
                                    + " due to unexpected volume or user complaints - 4.16.55.1;"
                                    + " see https://postmaster.yahooinc.com/error-codes"),
                        RATE_LIMITED,
                        TRANSIENT,
                        "4.7.0"),
                row(
                        mail(
                                "421 Message from (192.0.2.25) temporarily deferred - 4.16.50."
                                        + " Please refer to"
                                        + " https://postmaster.yahooinc.com/error-codes"),
                        RATE_LIMITED,
                        TRANSIENT,
                        "4.7.0"),
                row(
                        fatal(
                                "553 5.7.1 [BL21] Connections will not be accepted from"
                                        + " 192.0.2.25, because the ip is in Spamhaus's list; see"
                                        + " https://postmaster.yahooinc.com/error-codes"),
                        BLOCKLISTED,
                        PERMANENT,
                        "5.7.1"),
                row(
                        fatal(
                                "554 5.7.9 Message not accepted for policy reasons.  See"
                                        + " https://postmaster.yahooinc.com/error-codes"),
                        POLICY_REJECTED,
                        PERMANENT,
                        "5.7.9"),
                row(
                        fatal("552 1 Requested mail action aborted, mailbox not found"),
                        RECIPIENT_UNKNOWN,
                        PERMANENT,
                        "5.1.1"),
                row(fatal("550 MAILBOX NOT FOUND"), RECIPIENT_UNKNOWN, PERMANENT, "5.1.1"),
                row(
                        fatal("550 5.1.1 <ann@aol.com>: Recipient address rejected: aol.com"),
                        RECIPIENT_UNKNOWN,
                        PERMANENT,
                        "5.1.1"),
                row(
                        mail("452 4.2.2 Mailbox quota exceeded for ann@aol.com"),
                        MAILBOX_FULL,
                        TRANSIENT,
                        "4.2.2"));
    }

    static Stream<Arguments> postfix() {
        return Stream.of(
                row(
                        fatal(
                                "550 5.1.1 <ann@example.org>: Recipient address rejected: User"
                                        + " unknown in virtual mailbox table"),
                        RECIPIENT_UNKNOWN,
                        PERMANENT,
                        "5.1.1"),
                row(
                        fatal(
                                "550 5.1.1 <ann@example.org>: Recipient address rejected: User"
                                        + " unknown in local recipient table"),
                        RECIPIENT_UNKNOWN,
                        PERMANENT,
                        "5.1.1"),
                row(
                        fatal("554 5.7.1 <ann@example.org>: Relay access denied"),
                        POLICY_REJECTED,
                        PERMANENT,
                        "5.7.1"),
                row(
                        fatal(
                                "554 5.7.1 Service unavailable; Client host [192.0.2.25] blocked"
                                        + " using zen.spamhaus.org;"
                                        + " https://www.spamhaus.org/query/ip/192.0.2.25"),
                        BLOCKLISTED,
                        PERMANENT,
                        "5.7.1"),
                row(
                        fatal(
                                "554 5.7.1 Service unavailable; Client host [192.0.2.25] blocked"
                                    + " using b.barracudacentral.org;"
                                    + " http://www.barracudanetworks.com/reputation/?pr=1&ip=192.0.2.25"),
                        BLOCKLISTED,
                        PERMANENT,
                        "5.7.1"),
                row(
                        fatal(
                                "554 5.7.1 Service unavailable; Client host [192.0.2.25] blocked"
                                        + " using bl.spamcop.net; Blocked - see"
                                        + " https://www.spamcop.net/bl.shtml?192.0.2.25"),
                        BLOCKLISTED,
                        PERMANENT,
                        "5.7.1"),
                row(
                        mail(
                                "450 4.7.25 Client host rejected: cannot find your hostname,"
                                        + " [192.0.2.25]"),
                        SENDER_AUTH_FAILED,
                        TRANSIENT,
                        "4.7.25"),
                row(
                        mail(
                                "450 4.7.1 Client host rejected: cannot find your reverse"
                                        + " hostname, [192.0.2.25]"),
                        SENDER_AUTH_FAILED,
                        TRANSIENT,
                        "4.7.1"),
                row(
                        fatal(
                                "550 5.7.23 <ann@example.org>: Recipient address rejected: Message"
                                    + " rejected due to: SPF fail - not authorized. Please see"
                                    + " http://www.openspf.net/Why?s=mfrom;id=bob@example.com;ip=192.0.2.25"),
                        SENDER_AUTH_FAILED,
                        PERMANENT,
                        "5.7.23"),
                row(
                        fatal("550 5.7.20 <ann@example.org>: No passing DKIM signature found"),
                        SENDER_AUTH_FAILED,
                        PERMANENT,
                        "5.7.20"),
                row(
                        mail(
                                "450 4.2.0 <ann@example.org>: Recipient address rejected:"
                                        + " Greylisted, see"
                                        + " http://postgrey.schweikert.ch/help/example.org.html"),
                        RATE_LIMITED,
                        TRANSIENT,
                        "4.2.0"),
                row(
                        fatal("552 5.3.4 Message size exceeds fixed limit"),
                        MESSAGE_TOO_LARGE,
                        PERMANENT,
                        "5.3.4"),
                row(
                        fatal(
                                "552 5.2.2 <ann@example.org>: Quota exceeded (mailbox for user is"
                                        + " full)"),
                        MAILBOX_FULL,
                        PERMANENT,
                        "5.2.2"),
                row(
                        fatal(
                                "550 5.2.1 <ann@example.org>: Recipient address rejected: Mailbox"
                                        + " disabled"),
                        MAILBOX_DISABLED,
                        PERMANENT,
                        "5.2.1"),
                row(
                        fatal(
                                "550 5.7.1 <ann@example.org>: Recipient address rejected: Access"
                                        + " denied"),
                        POLICY_REJECTED,
                        PERMANENT,
                        "5.7.1"),
                row(
                        mail(
                                "Host or domain name not found. Name service error for"
                                        + " name=example.org type=MX: Host not found, try again"),
                        CONNECTION_FAILED,
                        TRANSIENT,
                        "4.4.1"),
                row(
                        fatal(
                                "Host or domain name not found. Name service error for"
                                        + " name=example.invalid type=A: Host not found"),
                        HOST_UNKNOWN,
                        PERMANENT,
                        "5.1.2"),
                row(
                        fatal(
                                "550 5.1.2 <ann@example.invalid>: Recipient address rejected:"
                                        + " Domain not found"),
                        HOST_UNKNOWN,
                        PERMANENT,
                        "5.1.2"),
                row(
                        mail("connect to mx.example.org[192.0.2.80]:25: Connection refused"),
                        CONNECTION_FAILED,
                        TRANSIENT,
                        "4.4.1"),
                row(
                        mail(
                                "conversation with mx.example.org[192.0.2.80] timed out while"
                                        + " receiving the initial server greeting"),
                        CONNECTION_FAILED,
                        TRANSIENT,
                        "4.4.1"),
                row(
                        mail(
                                "lost connection with mx.example.org[192.0.2.80] while sending RCPT"
                                        + " TO"),
                        CONNECTION_FAILED,
                        TRANSIENT,
                        "4.4.1"),
                row(
                        mail("451 4.3.0 <ann@example.org>: Temporary lookup failure"),
                        REMOTE_SERVER_ERROR,
                        TRANSIENT,
                        "4.3.0"),
                row(
                        mail("452 4.3.1 Insufficient system storage"),
                        REMOTE_SERVER_ERROR,
                        TRANSIENT,
                        "4.3.1"),
                row(
                        fatal("530 5.7.0 Must issue a STARTTLS command first"),
                        POLICY_REJECTED,
                        PERMANENT,
                        "5.7.0"),
                row(
                        fatal(
                                "553 5.7.1 <bob@example.com>: Sender address rejected: not owned"
                                        + " by user bob"),
                        POLICY_REJECTED,
                        PERMANENT,
                        "5.7.1"),
                row(
                        mail(
                                "450 4.1.8 <bob@example.com>: Sender address rejected: Domain not"
                                        + " found"),
                        POLICY_REJECTED,
                        TRANSIENT,
                        "4.1.8"));
    }

    static Stream<Arguments> exim() {
        String rcpt = "SMTP error from remote mail server after RCPT TO:<ann@example.org>: ";
        String data = "SMTP error from remote mail server after end of data: ";
        return Stream.of(
                row(fatal(rcpt + "550 No Such User Here"), RECIPIENT_UNKNOWN, PERMANENT, "5.1.1"),
                row(fatal(rcpt + "550 Unrouteable address"), RECIPIENT_UNKNOWN, PERMANENT, "5.1.1"),
                row(
                        fatal(
                                "SMTP error from remote mail server after MAIL"
                                        + " FROM:<bob@example.com> SIZE=123456: 550-Verification"
                                        + " failed for <bob@example.com> 550-Unrouteable address"
                                        + " 550 Sender verify failed"),
                        POLICY_REJECTED,
                        PERMANENT,
                        "5.7.1"),
                row(
                        fatal(data + "552 Message size exceeds maximum permitted"),
                        MESSAGE_TOO_LARGE,
                        PERMANENT,
                        "5.3.4"),
                row(
                        mail(rcpt + "451-4.7.1 Greylisting in action, please come back later"),
                        RATE_LIMITED,
                        TRANSIENT,
                        "4.7.1"),
                row(fatal(rcpt + "550 relay not permitted"), POLICY_REJECTED, PERMANENT, "5.7.1"),
                row(
                        fatal(
                                data
                                        + "550-This message was classified as SPAM and may not be"
                                        + " delivered 550 Message rejected"),
                        SPAM_REJECTED,
                        PERMANENT,
                        "5.7.1"),
                row(
                        fatal(
                                data
                                        + "550 This message contains a virus"
                                        + " (Eicar-Test-Signature) and has been rejected"),
                        SPAM_REJECTED,
                        PERMANENT,
                        "5.7.1"),
                row(
                        mail(rcpt + "452 4.2.2 Mailbox quota exceeded"),
                        MAILBOX_FULL,
                        TRANSIENT,
                        "4.2.2"),
                row(fatal(rcpt + "550 Mailbox quota exceeded"), MAILBOX_FULL, PERMANENT, "5.2.2"),
                row(
                        fatal(rcpt + "550 Administrative prohibition"),
                        POLICY_REJECTED,
                        PERMANENT,
                        "5.7.1"),
                row(
                        mail("SMTP timeout after end of data (1254987 bytes written)"),
                        CONNECTION_FAILED,
                        TRANSIENT,
                        "4.4.1"),
                row(
                        mail("Remote host closed connection in response to initial connection"),
                        CONNECTION_FAILED,
                        TRANSIENT,
                        "4.4.1"),
                row(
                        fatal("all relevant MX records point to non-existent hosts"),
                        HOST_UNKNOWN,
                        PERMANENT,
                        "5.1.2"),
                row(
                        mail(
                                rcpt
                                        + "421 Too many concurrent SMTP connections from this IP"
                                        + " address; please try again later."),
                        RATE_LIMITED,
                        TRANSIENT,
                        "4.7.0"),
                row(
                        mail(
                                "SMTP error from remote mail server after MAIL"
                                        + " FROM:<bob@example.com>: 451 Temporary local problem -"
                                        + " please try later"),
                        REMOTE_SERVER_ERROR,
                        TRANSIENT,
                        "4.3.0"));
    }

    static Stream<Arguments> sendmail() {
        return Stream.of(
                row(
                        fatal("550 5.1.1 <ann@example.org>... User unknown"),
                        RECIPIENT_UNKNOWN,
                        PERMANENT,
                        "5.1.1"),
                row(
                        fatal(
                                "553 5.3.0 <ann@example.org>... Addressee unknown,"
                                        + " relay=[192.0.2.80]"),
                        RECIPIENT_UNKNOWN,
                        PERMANENT,
                        "5.3.0"),
                row(
                        fatal(
                                "550 5.7.1 <ann@example.org>... Relaying denied. Proper"
                                        + " authentication required."),
                        POLICY_REJECTED,
                        PERMANENT,
                        "5.7.1"),
                row(
                        fatal(
                                "553 5.1.8 <bob@example.com>... Domain of sender address"
                                        + " bob@example.com does not exist"),
                        POLICY_REJECTED,
                        PERMANENT,
                        "5.1.8"),
                row(
                        fatal("552 5.2.3 Message size exceeds maximum value"),
                        MESSAGE_TOO_LARGE,
                        PERMANENT,
                        "5.2.3"),
                row(
                        mail("451 4.4.1 reply: read error from mx.example.org."),
                        CONNECTION_FAILED,
                        TRANSIENT,
                        "4.4.1"),
                row(
                        mail("452 4.4.5 Insufficient disk space; try again later"),
                        REMOTE_SERVER_ERROR,
                        TRANSIENT,
                        "4.4.5"),
                row(
                        fatal("550 5.2.1 <ann@example.org>... Mailbox disabled for this recipient"),
                        MAILBOX_DISABLED,
                        PERMANENT,
                        "5.2.1"),
                row(
                        fatal(
                                "550 5.7.1 <ann@example.org>... Rejected: 192.0.2.25 listed at"
                                        + " zen.spamhaus.org"),
                        BLOCKLISTED,
                        PERMANENT,
                        "5.7.1"));
    }

    static Stream<Arguments> qmail() {
        return Stream.of(
                row(
                        fatal("Sorry, no mailbox here by that name. (#5.1.1)"),
                        RECIPIENT_UNKNOWN,
                        PERMANENT,
                        "5.1.1"),
                row(
                        fatal(
                                "553 sorry, that domain isn't in my list of allowed rcpthosts"
                                        + " (#5.7.1)"),
                        POLICY_REJECTED,
                        PERMANENT,
                        "5.7.1"),
                row(
                        fatal("552 sorry, that message size exceeds my databytes limit (#5.3.4)"),
                        MESSAGE_TOO_LARGE,
                        PERMANENT,
                        "5.3.4"),
                row(
                        mail("Sorry, I wasn't able to establish an SMTP connection. (#4.4.1)"),
                        CONNECTION_FAILED,
                        TRANSIENT,
                        "4.4.1"),
                row(
                        mail("Connected to 192.0.2.80 but connection died. (#4.4.2)"),
                        CONNECTION_FAILED,
                        TRANSIENT,
                        "4.4.2"),
                row(
                        fatal("Sorry, I couldn't find any host named example.invalid. (#5.1.2)"),
                        HOST_UNKNOWN,
                        PERMANENT,
                        "5.1.2"),
                row(
                        fatal("Sorry, I couldn't find a mail exchanger or IP address. (#5.4.4)"),
                        HOST_UNKNOWN,
                        PERMANENT,
                        "5.4.4"),
                row(
                        fatal("The users mailfolder is over the allowed quota (size). (#5.2.2)"),
                        MAILBOX_FULL,
                        PERMANENT,
                        "5.2.2"));
    }

    static Stream<Arguments> others() {
        return Stream.of(
                row("Connect error (Operation timed out)", CONNECTION_FAILED, TRANSIENT, "4.4.1"),
                row(
                        fatal("556 5.1.10 Recipient address has null MX"),
                        HOST_UNKNOWN,
                        PERMANENT,
                        "5.1.10"),
                row(
                        mail("421 4.3.2 Service not available, closing transmission channel"),
                        REMOTE_SERVER_ERROR,
                        TRANSIENT,
                        "4.3.2"),
                row(
                        mail(
                                "421 mx.example.org Service not available, closing transmission"
                                        + " channel"),
                        REMOTE_SERVER_ERROR,
                        TRANSIENT,
                        "4.3.0"),
                row(
                        mail("450 Requested mail action not taken: mailbox busy"),
                        REMOTE_SERVER_ERROR,
                        TRANSIENT,
                        "4.3.0"),
                row(
                        fatal("550 Requested action not taken: mailbox unavailable"),
                        RECIPIENT_UNKNOWN,
                        PERMANENT,
                        "5.1.1"),
                row(
                        fatal("550 5.7.1 Requested action not taken: mailbox unavailable"),
                        POLICY_REJECTED,
                        PERMANENT,
                        "5.7.1"),
                row(
                        mail("454 4.7.0 TLS not available due to local problem"),
                        REMOTE_SERVER_ERROR,
                        TRANSIENT,
                        "4.7.0"),
                row(mail("554 Transaction failed"), UNCLASSIFIED, PERMANENT, null),
                row(mail("450 Try that again"), UNCLASSIFIED, TRANSIENT, null));
    }

    private static Arguments row(
            String text, ErrorCategory category, boolean permanent, String status) {
        return arguments(text, category, permanent, status);
    }

    private static String fatal(String reply) {
        return "Fatal error from destination SMTP server (" + reply + ")";
    }

    private static String mail(String reply) {
        return "Mail delivery error (" + reply + ")";
    }
}
