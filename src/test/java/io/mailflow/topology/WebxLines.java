package io.mailflow.topology;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Web Crossing log lines, written the way the server writes them (UTC here). */
final class WebxLines {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("dd-MMM-yy HH:mm:ss", Locale.ENGLISH)
                    .withZone(ZoneOffset.UTC);

    private WebxLines() {}

    static String stamp(Instant t) {
        return STAMP.format(t);
    }

    static String received(Instant t, String from, String to, String ip) {
        return stamp(t)
                + " smtp-in OK (Received mail from: "
                + from
                + " to: "
                + to
                + " client-IP:"
                + ip
                + ")";
    }

    static String queued(Instant t, long id, String to, String from) {
        return stamp(t)
                + " smtp-out OK ID="
                + id
                + " Send email. Outgoing message queued To: "
                + to
                + " From: "
                + from;
    }

    static String sent(Instant t, long id, String to, String from) {
        return stamp(t)
                + " smtp-out OK ID="
                + id
                + " Send email. Sent email To: "
                + to
                + " From: "
                + from;
    }

    static String error(Instant t, long id, String text, String to, String from) {
        return stamp(t)
                + " smtp-out error ID="
                + id
                + " Send email. "
                + text
                + " To: "
                + to
                + " From: "
                + from;
    }

    static String connect(Instant t, String protocol, String ip) {
        return stamp(t) + " " + protocol + " connect " + ip;
    }

    static String login(Instant t, String protocol, String user, String ip) {
        return stamp(t) + " " + protocol + " OK LOGIN by " + user + " from " + ip;
    }

    static String disconnect(Instant t, String protocol, String ip) {
        return stamp(t) + " " + protocol + " disconnect " + ip;
    }
}
