package io.mailflow.bench;

import java.util.List;

/**
 * Error texts in roughly the proportions a Web Crossing smtp-out log shows them: mostly connection
 * retries and unknown recipients, then expiries, quota and the big providers' refusals, with a few
 * texts no rule knows.
 */
final class ErrorTextMix {
    /** 64 texts, so that a benchmark can cycle through them with a mask. */
    static final List<String> TEXTS =
            List.of(
                    "Connect error (Internet address disconnected.)",
                    "Connect error (Internet address disconnected.)",
                    "Connect error (Internet address disconnected.)",
                    "Connect error (Internet address disconnected.)",
                    "Connect error (Internet address disconnected.)",
                    "Connect error (Internet address disconnected.)",
                    "Connect error (Operation timed out)",
                    "Connect error (Connection refused)",
                    "Internet address disconnected.",
                    "Disconnected from: 192.0.2.80",
                    "Could not deliver mail within 72 hour(s)",
                    "Could not deliver mail within 72 hour(s)",
                    "Could not deliver mail within 120 hour(s)",
                    "DNS lookup -- no host",
                    "DNS lookup -- no host",
                    "No such user ann@example.org",
                    "<bob@example.net>... User unknown",
                    "Mail delivery error ( <carl@example.com> user unknown",
                    "Invalid recipient",
                    "Requested action not taken: mailbox unavailable",
                    "This user doesn't have a example.com account",
                    "Fatal error from destination SMTP server ( not our customer)",
                    "Mail delivery error ( not our customer)",
                    "Sorry, your message to dora@example.org cannot be delivered. This account is"
                            + " over quota. \u2013 example.org",
                    "VS10-RT Possible forgery or deactivated due to abuse (#5.1.1))",
                    "Fatal error from destination SMTP server (550-5.1.1 The email account that you"
                            + " tried to reach does not exist. Please try double-checking the"
                            + " recipient's email address for typos or unnecessary spaces.)",
                    "Fatal error from destination SMTP server (550 5.1.1 <ann@example.org>:"
                            + " Recipient address rejected: User unknown in virtual mailbox table)",
                    "Fatal error from destination SMTP server (550 5.1.10"
                            + " RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP"
                            + " address lookup)",
                    "Fatal error from destination SMTP server (554 delivery error: dd This user"
                            + " doesn't have a yahoo.com account (ann@yahoo.com) [0] -"
                            + " mta1234.mail.gq1.yahoo.com)",
                    "Fatal error from destination SMTP server (550 5.5.0 Requested action not"
                            + " taken: mailbox unavailable.)",
                    "Fatal error from destination SMTP server (SMTP error from remote mail server"
                            + " after RCPT TO:<ann@example.org>: 550 No Such User Here)",
                    "Fatal error from destination SMTP server (Sorry, no mailbox here by that"
                            + " name. (#5.1.1))",
                    "Mail delivery error (452-4.2.2 The email account that you tried to reach is"
                            + " over quota.)",
                    "Fatal error from destination SMTP server (552 5.2.2 <ann@example.org>: Quota"
                            + " exceeded (mailbox for user is full))",
                    "Fatal error from destination SMTP server (550-5.2.1 The email account that you"
                            + " tried to reach is disabled.)",
                    "Mail delivery error (421-4.7.28 [192.0.2.25 15] Our system has detected an"
                            + " unusual rate of unsolicited mail originating from your IP address."
                            + " To protect our users from spam, mail sent from your IP address has"
                            + " been temporarily rate limited.)",
                    "Mail delivery error (421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily"
                            + " deferred due to unexpected volume or user complaints - 4.16.55.1;"
                            + " see https://postmaster.yahooinc.com/error-codes)",
                    "Mail delivery error (451 4.7.500 Server busy. Please try again later from"
                            + " [192.0.2.25]. (S77714))",
                    "Mail delivery error (450 4.2.0 <ann@example.org>: Recipient address rejected:"
                        + " Greylisted, see http://postgrey.schweikert.ch/help/example.org.html)",
                    "Fatal error from destination SMTP server (554 5.7.1 Service unavailable;"
                            + " Client host [192.0.2.25] blocked using zen.spamhaus.org;"
                            + " https://www.spamhaus.org/query/ip/192.0.2.25)",
                    "Fatal error from destination SMTP server (550 5.7.1 Unfortunately, messages"
                            + " from [192.0.2.25] weren't sent. Please contact your Internet"
                            + " service provider since part of their network is on our block list"
                            + " (S3150).)",
                    "Fatal error from destination SMTP server (550-5.7.26 Unauthenticated email"
                            + " from example.com is not accepted due to domain's DMARC policy.)",
                    "Fatal error from destination SMTP server (550 5.7.23 <ann@example.org>:"
                            + " Recipient address rejected: Message rejected due to: SPF fail -"
                            + " not authorized.)",
                    "Mail delivery error (450 4.7.25 Client host rejected: cannot find your"
                            + " hostname, [192.0.2.25])",
                    "Fatal error from destination SMTP server (550-5.7.1 [192.0.2.25] Our system"
                            + " has detected that this message is likely unsolicited mail. To"
                            + " reduce the amount of spam sent to Gmail, this message has been"
                            + " blocked.)",
                    "Fatal error from destination SMTP server (554 5.7.0 Reject, id=28311-07 -"
                            + " INFECTED: Eicar-Test-Signature)",
                    "Fatal error from destination SMTP server (554 5.7.1 <ann@example.org>: Relay"
                            + " access denied)",
                    "Fatal error from destination SMTP server (530 5.7.0 Must issue a STARTTLS"
                            + " command first.)",
                    "Fatal error from destination SMTP server (552 5.3.4 Message size exceeds"
                            + " fixed limit)",
                    "Fatal error from destination SMTP server (554 5.7.9 Message not accepted for"
                            + " policy reasons.)",
                    "Mail delivery error (Host or domain name not found. Name service error for"
                            + " name=example.org type=MX: Host not found, try again)",
                    "Fatal error from destination SMTP server (550 5.4.4"
                            + " SMTPSEND.DNS.NonExistentDomain; nonexistent domain)",
                    "Mail delivery error (connect to mx.example.org[192.0.2.80]:25: Connection"
                            + " refused)",
                    "Mail delivery error (conversation with mx.example.org[192.0.2.80] timed out"
                            + " while receiving the initial server greeting)",
                    "Mail delivery error (Sorry, I wasn't able to establish an SMTP connection."
                            + " (#4.4.1))",
                    "Mail delivery error (451 4.3.0 Temporary local problem - please try later)",
                    "Mail delivery error (421 mx.example.org Service not available, closing"
                            + " transmission channel)",
                    "Fatal error from destination SMTP server (550 5.7.1 Message rejected)",
                    "Fatal error from destination SMTP server (550 5.1.1 Recipient address"
                            + " rejected)",
                    "Mail delivery error (452 4.2.2 <ann@example.org>: Recipient address"
                            + " rejected)",
                    "Fatal error from destination SMTP server (554 Transaction failed)",
                    "Mail delivery error (450 Try that again)",
                    "Send email failed for reasons of its own",
                    "Mail delivery error (Service temporarily unavailable, please try again"
                            + " later)");

    private ErrorTextMix() {}
}
