package io.mailflow.bench;

import static io.mailflow.core.classify.ErrorCategory.BLOCKLISTED;
import static io.mailflow.core.classify.ErrorCategory.CONNECTION_FAILED;
import static io.mailflow.core.classify.ErrorCategory.DELIVERY_EXPIRED;
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

import io.mailflow.core.classify.Classification;
import io.mailflow.core.classify.ErrorCategory;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The obvious way to classify error texts, kept as the baseline that {@link ClassifyBenchmark}
 * measures the rule classifier against: the same rules in the same order, each a case-insensitive
 * regular expression tried with {@link Matcher#find()} until one matches, and the codes found by
 * two more expressions.
 */
final class RegexClassifier {
    private static final Pattern REPLY =
            Pattern.compile(
                    "(?<![\\w.])([45][0-5]\\d)[ -]+[45]\\.[0-7]\\.\\d{1,3}(?![\\w]|\\.\\d)"
                            + "|(?:^|[(:\"'\\[])\\s*([45][0-5]\\d)(?=[ )-]|$)");
    private static final Pattern STATUS =
            Pattern.compile("(?<![\\w.])[45]\\.[0-7]\\.\\d{1,3}(?![\\w]|\\.\\d)");

    private final List<RegexRule> rules =
            List.of(
                    rule(
                            "webcrossing.expired",
                            DELIVERY_EXPIRED,
                            "could\\s+not\\s+deliver\\s+mail\\s+within",
                            null,
                            null),
                    rule(
                            "policy.forgery-or-abuse",
                            POLICY_REJECTED,
                            "possible\\s+forgery|suspected\\s+forgery|deactivated\\s+due\\s+to\\s+abuse",
                            null,
                            null),
                    rule(
                            "blocklist.dnsbl",
                            BLOCKLISTED,
                            "blocked\\s+using|spamhaus|spamcop|barracudacentral|barracuda\\s+reputation|sorbs\\.net|uceprotect|dnsbl|spfbl|blacklist|blocklist|black\\s+list|block\\s+list",
                            null,
                            null),
                    rule(
                            "blocklist.reputation",
                            BLOCKLISTED,
                            "low\\s+reputation|poor\\s+reputation|bad\\s+reputation|due\\s+to\\s+ip\\s+reputation|reputation\\s+of\\s+the\\s+sending|banned\\s+sending\\s+ip|traffic\\s+not\\s+accepted\\s+from\\s+this\\s+ip|\\(s3140\\)|\\[bl21\\]|\\[bl22\\]|\\[bl23\\]|not\\s+authorized\\s+to\\s+send\\s+email\\s+directly\\s+to\\s+our\\s+servers",
                            null,
                            null),
                    rule(
                            "rate.throttled",
                            RATE_LIMITED,
                            "rate\\s+limit|ratelimit|unusual\\s+rate|receiving\\s+mail\\s+at\\s+a\\s+rate|exceeded\\s+the\\s+rate|throttl|too\\s+many\\s+connections|too\\s+many\\s+concurrent|too\\s+many\\s+sessions|too\\s+many\\s+messages|too\\s+many\\s+recipients|unexpected\\s+volume|temporarily\\s+deferred|sending\\s+quota|\\[tss04\\]|\\(s77714\\)|try\\s+again\\s+later,\\s+closing\\s+connection",
                            null,
                            null),
                    rule("rate.greylisted", RATE_LIMITED, "greylist|graylist", null, null),
                    rule(
                            "policy.relay-denied",
                            POLICY_REJECTED,
                            "not\\s+our\\s+customer|relay\\s+access\\s+denied|relaying\\s+denied|relay\\s+denied|relay\\s+not\\s+permitted|relaying\\s+not\\s+permitted|relay\\s+not\\s+allowed|relaying\\s+not\\s+allowed|not\\s+permitted\\s+to\\s+relay|unable\\s+to\\s+relay|we\\s+do\\s+not\\s+relay|allowed\\s+rcpthosts|authentication\\s+required|client\\s+not\\s+authenticated",
                            null,
                            null),
                    rule(
                            "policy.non-compliant",
                            POLICY_REJECTED,
                            "rfc\\s+5322|rfc5322|rfc\\s+2822|not\\s+rfc\\s+compliant|non-compliant|noncompliant|bare\\s+linefeed|bare\\s+lf|malformed",
                            null,
                            null),
                    rule(
                            "auth.spf-dkim-dmarc",
                            SENDER_AUTH_FAILED,
                            "spf|sender\\s+policy\\s+framework|dkim|domainkeys|dmarc|unauthenticated|required\\s+authentication\\s+level",
                            null,
                            null),
                    rule(
                            "auth.reverse-dns",
                            SENDER_AUTH_FAILED,
                            "reverse\\s+dns|reverse-dns|rdns|reverse\\s+hostname|reverse\\s+lookup|cannot\\s+find\\s+your\\s+hostname|ptr\\s+record",
                            null,
                            null),
                    rule(
                            "spam.content",
                            SPAM_REJECTED,
                            "spam|unsolicited|junk\\s+mail|bulk\\s+mail|content\\s+filter|content\\s+rejected|phishing|virus|malware|infected|potential\\s+security\\s+issue",
                            null,
                            null),
                    rule(
                            "policy.sender-refused",
                            POLICY_REJECTED,
                            "sender\\s+address\\s+rejected|sender\\s+rejected|sender\\s+denied|sender\\s+not\\s+allowed|sender\\s+verify\\s+failed|sender\\s+verification\\s+failed|not\\s+owned\\s+by\\s+user",
                            null,
                            null),
                    rule(
                            "policy.tls-required",
                            POLICY_REJECTED,
                            "starttls|tls\\s+required|tls\\s+is\\s+required|encryption\\s+required",
                            null,
                            null),
                    rule(
                            "policy.refused",
                            POLICY_REJECTED,
                            "policy\\s+reasons|administrative\\s+prohibition|administratively\\s+denied|prohibited",
                            null,
                            null),
                    rule(
                            "recipient.o365-directory",
                            RECIPIENT_UNKNOWN,
                            "recipient\\s+address\\s+rejected:\\s+access\\s+denied",
                            "5\\.4\\.1",
                            null),
                    rule(
                            "recipient.unknown",
                            RECIPIENT_UNKNOWN,
                            "user\\s+unknown|unknown\\s+user|no\\s+such\\s+user|nosuchuser|no\\s+such\\s+recipient|no\\s+such\\s+mailbox|no\\s+such\\s+account|unknown\\s+recipient|recipient\\s+unknown|invalid\\s+recipient|invalid\\s+mailbox|mailbox\\s+not\\s+found|user\\s+not\\s+found|recipient\\s+not\\s+found|recipientnotfound|recipnotfound|mailbox\\s+does\\s+not\\s+exist|user\\s+does\\s+not\\s+exist|recipient\\s+does\\s+not\\s+exist|address\\s+does\\s+not\\s+exist|account\\s+does\\s+not\\s+exist|tried\\s+to\\s+reach\\s+does\\s+not\\s+exist|no\\s+mailbox\\s+here\\s+by\\s+that\\s+name|user\\s+doesn['\u2019]t\\s+have\\s+a|user\\s+does\\s+not\\s+have\\s+a|not\\s+listed\\s+in\\s+public\\s+name\\s+&\\s+address\\s+book|not\\s+listed\\s+in\\s+domino\\s+directory|unknown\\s+or\\s+illegal\\s+alias|unrouteable\\s+address|addressee\\s+unknown",
                            null,
                            null),
                    rule(
                            "mailbox.disabled",
                            MAILBOX_DISABLED,
                            "account\\s+is\\s+disabled|account\\s+has\\s+been\\s+disabled|account\\s+disabled|mailbox\\s+disabled|mailbox\\s+is\\s+disabled|tried\\s+to\\s+reach\\s+is\\s+disabled|disableduser|is\\s+inactive|account\\s+inactive|mailbox\\s+inactive|no\\s+longer\\s+active|suspended|has\\s+been\\s+deactivated|account\\s+deactivated|account\\s+has\\s+expired|account\\s+expired|account\\s+is\\s+locked|account\\s+locked|mailbox\\s+locked|account\\s+is\\s+frozen",
                            null,
                            null),
                    rule(
                            "mailbox.full",
                            MAILBOX_FULL,
                            "quota|mailbox\\s+full|mailbox\\s+is\\s+full|mailbox\\s+was\\s+full|inbox\\s+is\\s+full|mailfolder\\s+is\\s+full|out\\s+of\\s+storage\\s+space|exceeded\\s+storage\\s+allocation|mailbox\\s+size\\s+limit",
                            null,
                            null),
                    rule(
                            "message.too-large",
                            MESSAGE_TOO_LARGE,
                            "message\\s+size\\s+exceeds|message\\s+size\\s+exceeded|message\\s+size\\s+limit|message\\s+too\\s+large|message\\s+is\\s+too\\s+large|message\\s+too\\s+big|message\\s+is\\s+too\\s+big|message\\s+length\\s+exceeds|exceeds\\s+size\\s+limit|maximum\\s+message\\s+size|maxsizeerror|databytes",
                            null,
                            null),
                    rule(
                            "connection.dns-temporary",
                            CONNECTION_FAILED,
                            "host\\s+not\\s+found,\\s+try\\s+again|temporary\\s+failure\\s+in\\s+name\\s+resolution|servfail",
                            null,
                            null),
                    rule(
                            "host.unknown",
                            HOST_UNKNOWN,
                            "dns\\s+lookup\\s+--\\s+no\\s+host|host\\s+not\\s+found|host\\s+or\\s+domain\\s+name\\s+not\\s+found|domain\\s+not\\s+found|domain\\s+does\\s+not\\s+exist|no\\s+such\\s+domain|nonexistent\\s+domain|non-existent\\s+domain|nonexistentdomain|non-existent\\s+host|nxdomain|name\\s+service\\s+error|no\\s+mx\\s+record|null\\s+mx|couldn['\u2019]t\\s+find\\s+any\\s+host\\s+named|couldn['\u2019]t\\s+find\\s+a\\s+mail\\s+exchanger|does\\s+not\\s+accept\\s+mail|accepts\\s+no\\s+mail",
                            null,
                            null),
                    rule(
                            "webcrossing.connect-error",
                            CONNECTION_FAILED,
                            "connect\\s+error",
                            null,
                            null),
                    rule(
                            "webcrossing.disconnected",
                            CONNECTION_FAILED,
                            "internet\\s+address\\s+disconnected|disconnected\\s+from:",
                            null,
                            null),
                    rule(
                            "connection.failed",
                            CONNECTION_FAILED,
                            "connection\\s+refused|connection\\s+timed\\s+out|timed\\s+out|timeout|connection\\s+reset|connection\\s+closed|closed\\s+connection|lost\\s+connection|connection\\s+lost|connection\\s+died|connection\\s+dropped|network\\s+is\\s+unreachable|no\\s+route\\s+to\\s+host|host\\s+unreachable|host\\s+is\\s+unreachable|could\\s+not\\s+connect|couldn['\u2019]t\\s+connect|cannot\\s+connect|can['\u2019]t\\s+connect|unable\\s+to\\s+connect|failed\\s+to\\s+connect|establish\\s+an\\s+smtp\\s+connection|handshake\\s+failed|broken\\s+pipe",
                            null,
                            null),
                    rule(
                            "remote.server-error",
                            REMOTE_SERVER_ERROR,
                            "local\\s+error\\s+in\\s+processing|temporary\\s+local\\s+problem|local\\s+problem|insufficient\\s+system\\s+storage|system\\s+resources|out\\s+of\\s+memory|internal\\s+error|internal\\s+server\\s+error|temporary\\s+server\\s+error|server\\s+busy|mailbox\\s+busy|configuration\\s+error|queue\\s+file\\s+write\\s+error",
                            null,
                            null),
                    rule(
                            "status.recipient-unknown",
                            RECIPIENT_UNKNOWN,
                            null,
                            "[45]\\.1\\.1|[45]\\.1\\.10|[45]\\.1\\.3|[45]\\.1\\.6",
                            null),
                    rule(
                            "status.host-unknown",
                            HOST_UNKNOWN,
                            null,
                            "[45]\\.1\\.2|[45]\\.4\\.4",
                            null),
                    rule(
                            "status.sender-refused",
                            POLICY_REJECTED,
                            null,
                            "[45]\\.1\\.7|[45]\\.1\\.8",
                            null),
                    rule("status.mailbox-disabled", MAILBOX_DISABLED, null, "[45]\\.2\\.1", null),
                    rule("status.mailbox-full", MAILBOX_FULL, null, "[45]\\.2\\.2", null),
                    rule(
                            "status.too-large",
                            MESSAGE_TOO_LARGE,
                            null,
                            "[45]\\.2\\.3|[45]\\.3\\.4",
                            null),
                    rule(
                            "status.remote-server",
                            REMOTE_SERVER_ERROR,
                            null,
                            "[45]\\.3\\.\\d+|[45]\\.4\\.5",
                            null),
                    rule("status.relay-expired", CONNECTION_FAILED, null, "[45]\\.4\\.7", null),
                    rule("status.rate", RATE_LIMITED, null, "[45]\\.7\\.28|[45]\\.5\\.3", null),
                    rule("status.connection", CONNECTION_FAILED, null, "[45]\\.4\\.\\d+", null),
                    rule(
                            "status.sender-auth",
                            SENDER_AUTH_FAILED,
                            null,
                            "[45]\\.7\\.20|[45]\\.7\\.21|[45]\\.7\\.22|[45]\\.7\\.23|[45]\\.7\\.24|[45]\\.7\\.25|[45]\\.7\\.26|[45]\\.7\\.509|[45]\\.7\\.515",
                            null),
                    rule("status.policy", POLICY_REJECTED, null, "[45]\\.7\\.\\d+", null),
                    rule("reply.server-trouble", REMOTE_SERVER_ERROR, null, null, "421|451|452"),
                    rule(
                            "vague.mailbox-unavailable",
                            RECIPIENT_UNKNOWN,
                            "mailbox\\s+unavailable|mailbox\\s+not\\s+available|mailbox\\s+is\\s+unavailable",
                            null,
                            null),
                    rule(
                            "vague.service-unavailable",
                            REMOTE_SERVER_ERROR,
                            "service\\s+unavailable|service\\s+not\\s+available|temporarily\\s+unavailable|try\\s+again\\s+later|please\\s+try\\s+later",
                            null,
                            null));

    Classification classify(String text) {
        if (text == null || text.isEmpty()) {
            return new Classification(UNCLASSIFIED, false, null, null, "none");
        }
        String status = firstMatch(STATUS, text);
        Integer reply = reply(text);
        for (RegexRule rule : rules) {
            if (rule.matches(text, status, reply)) {
                return verdict(rule.category(), rule.id(), status, reply);
            }
        }
        return verdict(UNCLASSIFIED, "none", status, reply);
    }

    private static Classification verdict(
            ErrorCategory category, String rule, String status, Integer reply) {
        boolean permanent;
        if (category.endsDelivery()) {
            permanent = true;
        } else if (reply != null) {
            permanent = reply >= 500;
        } else if (status != null) {
            permanent = status.startsWith("5");
        } else {
            permanent = category.permanentByDefault();
        }
        String usual = category.usualStatus();
        if (status == null && usual != null && reply != null) {
            usual = reply / 100 + usual.substring(1);
        }
        return new Classification(
                category, permanent, status != null ? status : usual, reply, rule);
    }

    private static Integer reply(String text) {
        Matcher m = REPLY.matcher(text);
        if (!m.find()) {
            return null;
        }
        return Integer.valueOf(m.group(1) != null ? m.group(1) : m.group(2));
    }

    private static String firstMatch(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group() : null;
    }

    private static RegexRule rule(
            String id, ErrorCategory category, String text, String status, String reply) {
        return new RegexRule(id, category, compile(text), compile(status), compile(reply));
    }

    private static Pattern compile(String regex) {
        return regex == null ? null : Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }

    /** One rule: a text pattern, and patterns the status and the reply code must match. */
    private record RegexRule(
            String id, ErrorCategory category, Pattern text, Pattern status, Pattern reply) {
        boolean matches(String input, String foundStatus, Integer foundReply) {
            return (status == null || foundStatus != null && status.matcher(foundStatus).matches())
                    && (reply == null
                            || foundReply != null && reply.matcher(foundReply.toString()).matches())
                    && (text == null || text.matcher(input).find());
        }
    }
}
