package io.mailflow.core.line;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Arbitrary Web Crossing lines, each built from the event it stands for and written the way Web
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

    static Arbitrary<Rendered> lines() {
        Arbitrary<String> hosts =
                Arbitraries.oneOf(
                        Arbitraries.of("berlin", "york", "howe", "kolkata"),
                        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12));
        return Combinators.combine(hosts, localTimes(), bodies(), styles())
                .as(WebCrossingLines::render)
                .filter(r -> r != null);
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

    private static Arbitrary<LocalDateTime> localTimes() {
        LocalDateTime first = LocalDateTime.of(1970, 1, 1, 0, 0);
        LocalDateTime last = LocalDateTime.of(2069, 12, 31, 23, 59, 59);
        return Arbitraries.longs()
                .between(first.toEpochSecond(ZoneOffset.UTC), last.toEpochSecond(ZoneOffset.UTC))
                .map(s -> LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC));
    }

    private static Arbitrary<Style> styles() {
        Arbitrary<String> seps = Arbitraries.of(" ", " ", " ", "\t", "  ", " \t");
        return Combinators.combine(
                        seps.list().ofSize(16),
                        Arbitraries.integers().between(0, 2).list().ofSize(16),
                        Arbitraries.of("", "", " ", "\r", "\r\n", " \t\n"))
                .as(Style::new);
    }

    private static Arbitrary<Body> bodies() {
        return Arbitraries.oneOf(received(), outgoing(), deliveryErrors(), sessions(), others());
    }

    private static Arbitrary<Body> received() {
        return Combinators.combine(senders(), addresses(), ips()).as(Received::new);
    }

    private static Arbitrary<Body> outgoing() {
        return Combinators.combine(
                        Arbitraries.of(EventType.QUEUED, EventType.SENT),
                        ids(),
                        senders(),
                        addresses())
                .as(
                        (type, id, sender, recipient) ->
                                new Outgoing(type, id, sender, recipient, null));
    }

    private static Arbitrary<Body> deliveryErrors() {
        return Combinators.combine(ids(), senders(), addresses(), errorTexts())
                .as(
                        (id, sender, recipient, text) ->
                                new Outgoing(
                                        EventType.DELIVERY_ERROR, id, sender, recipient, text));
    }

    private static Arbitrary<Body> sessions() {
        Arbitrary<EventType> types =
                Arbitraries.of(
                        EventType.SESSION_CONNECT,
                        EventType.SESSION_LOGIN,
                        EventType.SESSION_DISCONNECT);
        return Combinators.combine(types, Arbitraries.of(Protocol.class), ips(), users())
                .as(Session::new);
    }

    private static Arbitrary<Body> others() {
        Arbitrary<String> services =
                Arbitraries.oneOf(
                        Arbitraries.of("http", "webx", "smtp-out", "smtp-in", "pop3", "IMAP"),
                        Arbitraries.strings()
                                .withCharRange('a', 'z')
                                .ofMinLength(1)
                                .ofMaxLength(8)
                                .map(w -> "x" + w + "-1"));
        Arbitrary<String> statuses =
                Arbitraries.of("OK", "ok", "error", "warning", "info", "closed", "OK:", "[5]");
        Arbitrary<String> texts = Arbitraries.oneOf(Arbitraries.just(""), freeTexts());
        return Combinators.combine(services, statuses, texts)
                .as(Other::new)
                .filter(Other::isUnknownKind)
                .map(Body.class::cast);
    }

    private static Arbitrary<String> errorTexts() {
        return Arbitraries.oneOf(Arbitraries.of(ERROR_TEXTS), freeTexts(), Arbitraries.just(""));
    }

    /** Trimmed text of words that look like the parts of a line: the parser must not trip. */
    private static Arbitrary<String> freeTexts() {
        Arbitrary<String> words =
                Arbitraries.oneOf(
                        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(9),
                        Arbitraries.of(
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
        Arbitrary<String> gaps = Arbitraries.of(" ", " ", "  ", "\t");
        return Combinators.combine(words.list().ofMinSize(1).ofMaxSize(8), gaps.list().ofSize(8))
                .as(WebCrossingLines::join);
    }

    private static String join(List<String> words, List<String> gaps) {
        StringBuilder text = new StringBuilder(words.get(0));
        for (int i = 1; i < words.size(); i++) {
            text.append(gaps.get(i)).append(words.get(i));
        }
        return text.toString();
    }

    private static Arbitrary<String> addresses() {
        Arbitrary<String> local =
                Arbitraries.strings()
                        .alpha()
                        .numeric()
                        .withChars("._+-")
                        .ofMinLength(1)
                        .ofMaxLength(10);
        Arbitrary<String> domain =
                Arbitraries.strings()
                        .alpha()
                        .numeric()
                        .withChars('-')
                        .ofMinLength(1)
                        .ofMaxLength(10);
        Arbitrary<String> tld = Arbitraries.of("com", "org", "de", "COM", "co.uk");
        return Combinators.combine(local, domain, tld).as((l, d, t) -> l + "@" + d + "." + t);
    }

    private static Arbitrary<String> senders() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, addresses()),
                Tuple.of(1, Arbitraries.just("")),
                Tuple.of(1, Arbitraries.just("<>")));
    }

    private static Arbitrary<String> ips() {
        Arbitrary<String> v4 =
                Arbitraries.integers()
                        .between(0, 255)
                        .list()
                        .ofSize(4)
                        .map(
                                parts ->
                                        parts.get(0)
                                                + "."
                                                + parts.get(1)
                                                + "."
                                                + parts.get(2)
                                                + "."
                                                + parts.get(3));
        return Arbitraries.oneOf(v4, Arbitraries.of("::1", "2001:db8::7", "fe80::1%en0"));
    }

    private static Arbitrary<Long> ids() {
        return Arbitraries.longs().between(0, 999_999_999_999_999_999L);
    }

    private static Arbitrary<String> users() {
        Arbitrary<String> word =
                Arbitraries.strings()
                        .alpha()
                        .numeric()
                        .withChars("._-@")
                        .ofMinLength(1)
                        .ofMaxLength(10);
        return Arbitraries.oneOf(
                word,
                Combinators.combine(word, Arbitraries.of(" from ", " ", " by "))
                        .as((w, g) -> w + g + w));
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
