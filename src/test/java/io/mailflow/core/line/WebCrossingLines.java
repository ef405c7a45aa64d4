package io.mailflow.core.line;

import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.mailflow.testing.Gens;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generated Web Crossing lines, each built from the event it stands for and written the way Web
 * Crossing writes it, with the variations real logs show: tabs, runs of blanks, keywords in any
 * case, one-digit days, bracketed addresses, no space before {@code to:}, CR LF endings.
 */
final class WebCrossingLines {
    /** The zones of the hosts below; every other host writes UTC. */
    static final HostZones ZONES =
            HostZones.of(
                    ZoneOffset.UTC,
                    Map.of(
                            "berlin", ZoneId.of("Europe/Berlin"),
                            "york", ZoneId.of("America/New_York"),
                            "howe", ZoneId.of("Australia/Lord_Howe"),
                            "kolkata", ZoneId.of("Asia/Kolkata")));

    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };
    private static final List<String> ERROR_TEXTS =
            List.of(
                    "Connect error (Internet address disconnected.)",
                    "Could not deliver mail within 48 hour(s)",
                    "DNS lookup -- no host",
                    "This user doesn't have a example.com account",
                    "No such user babies@diapers.smell.com",
                    "Mail delivery error ( <babies@diapers.smell.com> user unknown",
                    "<babies@diapers.smell.com>... User unknown",
                    "Fatal error from destination SMTP server ( not our customer)",
                    "Requested action not taken: mailbox unavailable",
                    "Disconnected from: 0.1.2.3.4",
                    "Sorry, your message to a@b.c cannot be delivered. Over quota. – b.c",
                    "VS10-RT Possible forgery or deactivated due to abuse (#5.1.1))",
                    "Relay To: nobody From: here said 550 — rejected für immer");

    private WebCrossingLines() {}

    /** A line together with the host that wrote it and the event it must read as. */
    record Rendered(String host, LogEvent event, String line) {}

    static Gen<Rendered> lines() {
        Gen<String> hosts =
                Generate.oneOf(
                        arbitrary().pick("berlin", "york", "howe", "kolkata"),
                        Gens.stringsOf(Gens.ALPHANUMERIC, 1, 12));
        return hosts.zip(localTimes(), bodies(), styles(), WebCrossingLines::render)
                .assuming(Objects::nonNull);
    }

    private static Rendered render(String host, LocalDateTime local, Body body, Style style) {
        ZoneId zone = ZONES.zoneOf(host);
        if (zone.getRules().getValidOffsets(local).size() != 1) {
            return null; // a gap or an overlap: the line cannot name one instant
        }
        Instant time = local.atZone(zone).toInstant();
        String line =
                style.edge()
                        + date(local, style)
                        + style.sep()
                        + String.format(
                                Locale.ROOT,
                                "%02d:%02d:%02d",
                                local.getHour(),
                                local.getMinute(),
                                local.getSecond())
                        + style.sep()
                        + body.render(style)
                        + style.trailer();
        return new Rendered(host, body.event(host, time), line);
    }

    private static String date(LocalDateTime local, Style style) {
        int day = local.getDayOfMonth();
        String dd = day < 10 && style.flip() ? "0" + day : Integer.toString(day);
        String month = style.anyCase(MONTHS[local.getMonthValue() - 1]);
        return dd + "-" + month + "-" + String.format(Locale.ROOT, "%02d", local.getYear() % 100);
    }

    private static Gen<LocalDateTime> localTimes() {
        LocalDateTime first = LocalDateTime.of(1970, 1, 1, 0, 0);
        LocalDateTime last = LocalDateTime.of(2069, 12, 31, 23, 59, 59);
        return longs().between(
                        first.toEpochSecond(ZoneOffset.UTC), last.toEpochSecond(ZoneOffset.UTC))
                .map(s -> LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC));
    }

    private static Gen<Style> styles() {
        Gen<String> seps = arbitrary().pick(" ", " ", " ", "\t", "  ", " \t");
        return lists().of(seps)
                .ofSize(16)
                .zip(
                        lists().of(integers().between(0, 2)).ofSize(16),
                        arbitrary().pick("", "", " ", "\r", "\r\n", " \t\n"),
                        Style::new);
    }

    private static Gen<Body> bodies() {
        return Generate.oneOf(received(), outgoing(), deliveryErrors(), sessions(), others());
    }

    private static Gen<Body> received() {
        return senders().zip(addresses(), ips(), Received::new);
    }

    private static Gen<Body> outgoing() {
        return arbitrary()
                .pick(EventType.QUEUED, EventType.SENT)
                .zip(
                        ids(),
                        senders(),
                        addresses(),
                        (type, id, sender, recipient) ->
                                new Outgoing(type, id, sender, recipient, null));
    }

    private static Gen<Body> deliveryErrors() {
        return ids().zip(
                        senders(),
                        addresses(),
                        errorTexts(),
                        (id, sender, recipient, text) ->
                                new Outgoing(
                                        EventType.DELIVERY_ERROR, id, sender, recipient, text));
    }

    private static Gen<Body> sessions() {
        Gen<EventType> types =
                arbitrary()
                        .pick(
                                EventType.SESSION_CONNECT,
                                EventType.SESSION_LOGIN,
                                EventType.SESSION_DISCONNECT);
        return types.zip(arbitrary().enumValues(Protocol.class), ips(), users(), Session::new);
    }

    private static Gen<Body> others() {
        Gen<String> services =
                Generate.oneOf(
                        arbitrary().pick("http", "webx", "smtp-out", "smtp-in", "pop3", "IMAP"),
                        Gens.stringsOf("abcdefghijklmnopqrstuvwxyz", 1, 8)
                                .map(w -> "x" + w + "-1"));
        Gen<String> statuses =
                arbitrary().pick("OK", "ok", "error", "warning", "info", "closed", "OK:", "[5]");
        Gen<String> texts = Generate.oneOf(Generate.constant(""), freeTexts());
        return services.zip(statuses, texts, Other::new)
                .assuming(Other::isUnknownKind)
                .map(Body.class::cast);
    }

    private static Gen<String> errorTexts() {
        return Generate.oneOf(arbitrary().pick(ERROR_TEXTS), freeTexts(), Generate.constant(""));
    }

    /** Trimmed text of words that look like the parts of a line: the parser must not trip. */
    private static Gen<String> freeTexts() {
        Gen<String> words =
                Generate.oneOf(
                        Gens.stringsOf(Gens.ALPHANUMERIC, 1, 9),
                        arbitrary()
                                .pick(
                                        "to",
                                        "To:",
                                        "from",
                                        "From:",
                                        "to:",
                                        "<a@b.c>",
                                        "<>",
                                        "(",
                                        ")",
                                        ":",
                                        "ID=3",
                                        "client-IP:",
                                        "Send email.",
                                        "Sent email",
                                        "é",
                                        "–"));
        Gen<String> gaps = arbitrary().pick(" ", " ", "  ", "\t");
        return lists().of(words)
                .ofSizeBetween(1, 8)
                .zip(lists().of(gaps).ofSize(8), WebCrossingLines::join);
    }

    private static String join(List<String> words, List<String> gaps) {
        StringBuilder text = new StringBuilder(words.get(0));
        for (int i = 1; i < words.size(); i++) {
            text.append(gaps.get(i)).append(words.get(i));
        }
        return text.toString();
    }

    private static Gen<String> addresses() {
        Gen<String> local = Gens.stringsOf(Gens.ALPHANUMERIC + "._+-", 1, 10);
        Gen<String> domain = Gens.stringsOf(Gens.ALPHANUMERIC + "-", 1, 10);
        Gen<String> tld = arbitrary().pick("com", "org", "de", "COM", "co.uk");
        return local.zip(domain, tld, (l, d, t) -> l + "@" + d + "." + t);
    }

    private static Gen<String> senders() {
        return Generate.frequency(
                Pair.of(8, addresses()),
                Pair.of(1, Generate.constant("")),
                Pair.of(1, Generate.constant("<>")));
    }

    private static Gen<String> ips() {
        Gen<String> v4 =
                lists().of(integers().between(0, 255))
                        .ofSize(4)
                        .map(
                                parts ->
                                        parts.stream()
                                                .map(String::valueOf)
                                                .collect(Collectors.joining(".")));
        return Generate.oneOf(v4, arbitrary().pick("::1", "2001:db8::7", "fe80::1%en0"));
    }

    private static Gen<Long> ids() {
        return longs().between(0, 999_999_999_999_999_999L);
    }

    private static Gen<String> users() {
        Gen<String> word = Gens.stringsOf(Gens.ALPHANUMERIC + "._-@", 1, 10);
        return Generate.oneOf(
                word, word.zip(arbitrary().pick(" from ", " ", " by "), (w, g) -> w + g + w));
    }

    /** The part of a line after its time. */
    private interface Body {
        LogEvent event(String host, Instant time);

        String render(Style style);
    }

    private record Received(String sender, String recipient, String ip) implements Body {
        @Override
        public LogEvent event(String host, Instant time) {
            return LogEvent.received(host, time, sender, recipient, ip);
        }

        @Override
        public String render(Style s) {
            String beforeTo = sender.isEmpty() || s.flip() ? s.sep() : "";
            return "smtp-in"
                    + s.sep()
                    + s.anyCase("OK")
                    + s.sep()
                    + "(Received mail from:"
                    + s.sep()
                    + s.bracketed(sender)
                    + beforeTo
                    + "to:"
                    + s.sep()
                    + s.bracketed(recipient)
                    + s.sep()
                    + "client-IP:"
                    + ip
                    + ")";
        }
    }

    private record Outgoing(
            EventType type, long id, String sender, String recipient, String errorText)
            implements Body {
        @Override
        public LogEvent event(String host, Instant time) {
            return switch (type) {
                case QUEUED -> LogEvent.queued(host, time, id, sender, recipient);
                case SENT -> LogEvent.sent(host, time, id, sender, recipient);
                default -> LogEvent.deliveryError(host, time, id, sender, recipient, errorText);
            };
        }

        @Override
        public String render(Style s) {
            String action =
                    switch (type) {
                        case QUEUED -> s.anyCase("Outgoing") + s.sep() + "message queued";
                        case SENT -> "Sent" + s.sep() + s.anyCase("email");
                        default -> errorText;
                    };
            String afterAction = action.isEmpty() ? "" : s.sep();
            return "smtp-out"
                    + s.sep()
                    + (type == EventType.DELIVERY_ERROR ? "error" : s.anyCase("OK"))
                    + s.sep()
                    + "ID="
                    + id
                    + s.sep()
                    + "Send email."
                    + s.sep()
                    + action
                    + afterAction
                    + "To:"
                    + s.sep()
                    + s.bracketed(recipient)
                    + s.sep()
                    + "From:"
                    + (sender.isEmpty() ? "" : s.sep())
                    + s.bracketed(sender);
        }
    }

    private record Session(EventType type, Protocol protocol, String ip, String user)
            implements Body {
        @Override
        public LogEvent event(String host, Instant time) {
            String login = type == EventType.SESSION_LOGIN ? user : null;
            return LogEvent.session(type, host, time, protocol, ip, login);
        }

        @Override
        public String render(Style s) {
            String rest =
                    switch (type) {
                        case SESSION_CONNECT -> s.anyCase("connect") + s.sep() + ip;
                        case SESSION_DISCONNECT -> "disconnect" + s.sep() + ip;
                        default -> login(s);
                    };
            return protocol.service() + s.sep() + rest;
        }

        private String login(Style s) {
            return "OK"
                    + s.sep()
                    + s.anyCase("LOGIN")
                    + s.sep()
                    + s.anyCase("by")
                    + s.sep()
                    + user
                    + s.sep()
                    + s.anyCase("from")
                    + s.sep()
                    + ip;
        }
    }

    private record Other(String service, String status, String text) implements Body {
        @Override
        public LogEvent event(String host, Instant time) {
            return LogEvent.other(host, time, service, status, text);
        }

        @Override
        public String render(Style s) {
            return service + s.sep() + status + (text.isEmpty() ? "" : s.sep() + text);
        }

        /** Whether the words cannot make a line of a modelled kind. */
        boolean isUnknownKind() {
            String lowerText = text.toLowerCase(Locale.ROOT);
            return switch (service.toLowerCase(Locale.ROOT)) {
                case "smtp-out" -> !lowerText.startsWith("id=");
                case "smtp-in" -> !lowerText.startsWith("(received");
                case "pop3", "imap" ->
                        !status.equalsIgnoreCase("ok") || !lowerText.startsWith("login");
                default -> true;
            };
        }
    }

    /** The random choices of one rendering, taken in turn. */
    private static final class Style {
        private final List<String> seps;
        private final List<Integer> choices;
        private final String trailer;
        private int nextSep;
        private int nextChoice;

        Style(List<String> seps, List<Integer> choices, String trailer) {
            this.seps = seps;
            this.choices = choices;
            this.trailer = trailer;
        }

        String sep() {
            return seps.get(nextSep++ % seps.size());
        }

        boolean flip() {
            return choice() == 1;
        }

        String anyCase(String word) {
            return switch (choice()) {
                case 1 -> word.toUpperCase(Locale.ROOT);
                case 2 -> word.toLowerCase(Locale.ROOT);
                default -> word;
            };
        }

        /** An address as written, in angle brackets now and then. */
        String bracketed(String address) {
            return !address.isEmpty() && !address.equals("<>") && flip()
                    ? "<" + address + ">"
                    : address;
        }

        String edge() {
            return choices.get(0) == 2 ? " " : "";
        }

        String trailer() {
            return trailer;
        }

        private int choice() {
            return choices.get(nextChoice++ % choices.size());
        }
    }
}
