package io.mailflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A reproducible mix of Web Crossing lines in the proportions a busy mail server logs them: mostly
 * smtp traffic and mailbox checks, some delivery errors, a few unknown and damaged lines.
 */
final class RealisticLines {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun"};
    private static final String[] ERRORS = {
        "Connect error (Internet address disconnected.)",
        "DNS lookup -- no host",
        "Mail delivery error ( <%s> user unknown",
        "<%s>... User unknown",
        "Requested action not taken: mailbox unavailable",
        "Sorry, your message to %s cannot be delivered. This account is over quota.",
        "Could not deliver mail within 48 hour(s)"
    };

    private RealisticLines() {}

    static List<String> mix(int count, long seed) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>(count);
        long second = 0;
        for (int i = 0; i < count; i++) {
            second += random.nextInt(4);
            lines.add(stamp(second) + " " + body(random));
        }
        return lines;
    }

    private static String body(Random random) {
        int kind = random.nextInt(100);
        String sender = address(random, "user");
        String recipient = address(random, "rcpt");
        long id = 1000 + random.nextInt(900_000);
        if (kind < 18) {
            return "smtp-in OK (Received mail from: "
                    + sender
                    + (kind == 0 ? "" : " ")
                    + "to: "
                    + recipient
                    + " client-IP:"
                    + ip(random)
                    + ")";
        }
        if (kind < 38) {
            return outgoing("OK", id, "Outgoing message queued", sender, recipient);
        }
        if (kind < 56) {
            return outgoing("OK", id, "Sent email", sender, recipient);
        }
        if (kind < 64) {
            String error = String.format(ERRORS[random.nextInt(ERRORS.length)], recipient);
            return outgoing("error", id, error, kind == 63 ? "<>" : sender, recipient);
        }
        if (kind < 97) {
            return session(random);
        }
        if (kind < 99) {
            return "http OK GET /webx?14@@.ee6b2b3 200";
        }
        return "smtp-out OK ID=12x4 Send email. Sent email To: " + recipient;
    }

    private static String outgoing(
            String status, long id, String action, String sender, String recipient) {
        return "smtp-out "
                + status
                + " ID="
                + id
                + " Send email. "
                + action
                + " To: "
                + recipient
                + " From: "
                + sender;
    }

    private static String session(Random random) {
        String protocol = random.nextBoolean() ? "pop3" : "imap";
        String ip = ip(random);
        return switch (random.nextInt(3)) {
            case 0 -> protocol + " connect " + ip;
            case 1 -> protocol + " OK LOGIN by user" + random.nextInt(5000) + " from " + ip;
            default -> protocol + " disconnect " + ip;
        };
    }

    private static String address(Random random, String prefix) {
        return prefix + random.nextInt(20_000) + "@example" + random.nextInt(50) + ".com";
    }

    private static String ip(Random random) {
        return random.nextInt(256) + "." + random.nextInt(256) + ".1." + random.nextInt(256);
    }

    private static String stamp(long second) {
        long day = second / 86_400;
        long time = second % 86_400;
        return String.format(
                Locale.ROOT,
                "%02d-%s-03 %02d:%02d:%02d",
                1 + day % 28,
                MONTHS[(int) (day / 28 % MONTHS.length)],
                time / 3600,
                time / 60 % 60,
                time % 60);
    }
}
