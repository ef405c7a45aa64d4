package io.mailflow.generate;

import io.mailflow.core.line.EventType;
import io.mailflow.core.line.Protocol;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Plans and writes the log of one host: outgoing messages, inbound mail, pop3 and imap sessions and
 * lines of other services, then a few swaps, damaged lines and blank lines. All randomness comes
 * from the host's own generator, so each host's output depends only on the seed.
 */
final class HostGenerator {
    private static final double INBOUND_PER_MESSAGE = 0.5;
    private static final double SESSIONS_PER_MESSAGE = 0.8;
    private static final double OTHER_LINES_PER_MESSAGE = 0.02;

    /** Share of adjacent line pairs written in reverse time order. */
    private static final double SWAP_SHARE = 0.004;

    /** Share of outgoing messages that Web Crossing writes itself, with no smtp-in line. */
    private static final double INTERNAL_SHARE = 0.25;

    /** Share of smtp-in clients' messages whose sender is not a local user: forwarded mail. */
    private static final double FORWARDED_SHARE = 0.1;

    /** Share of smtp-in lines with no space before {@code to:}, outgoing and inbound. */
    private static final double GLUED_OUTGOING_SHARE = 0.02;

    private static final double GLUED_INBOUND_SHARE = 0.2;

    /** Share of pop3 sessions; the rest are imap. */
    private static final double POP3_SHARE = 0.7;

    /** Share of sessions that never log in. */
    private static final double NO_LOGIN_SHARE = 0.05;

    /** The smtp-in line precedes the queued line by up to this many seconds. */
    private static final int MAX_RECEIVE_LEAD = 5;

    /** Within this time one sender and recipient pair appears in one message at most. */
    private static final long PAIR_WINDOW = 3600;

    /** Two sessions of one address and protocol are at least this far apart. */
    private static final long SESSION_GAP = 10;

    /** Hosts with fewer messages skip the server restart. */
    private static final int MIN_MESSAGES_FOR_RESTART = 10;

    private static final Weighted<Integer> RECIPIENTS =
            new Weighted<Integer>().add(1, 80).add(2, 10).add(3, 5).add(4, 3).add(5, 2);

    private final GeneratorSettings settings;
    private final String host;
    private final int messages;
    private final SplittableRandom random;
    private final long start;
    private final long end;
    private final Population population;
    private final DeliveryPlanner planner;
    private final MessageIds ids;
    private final PairGuard pairs = new PairGuard(PAIR_WINDOW);
    private final LineBuffer lines;
    private final List<Message> outgoing = new ArrayList<>();
    private final List<InboundMail> inbound = new ArrayList<>();
    private final List<Session> sessions = new ArrayList<>();

    HostGenerator(GeneratorSettings settings, String host, int messages, SplittableRandom random) {
        this.settings = settings;
        this.host = host;
        this.messages = messages;
        this.random = random;
        this.start = settings.startSecond();
        this.end = settings.endSecond();
        this.population = new Population(random, messages);
        this.planner = new DeliveryPlanner(random, population, settings.holdHours());
        this.ids = new MessageIds(1000 + random.nextInt(90_000));
        this.lines = new LineBuffer(start, end);
    }

    /** Writes the host's log to {@code file} and its truth to {@code truth}. */
    HostResult generate(Path file, TruthWriter truth) throws IOException {
        lines.add(start + random.nextInt(3), new OtherLine("webx", "OK", "Server started"), 0);
        planOutgoing();
        planInbound();
        planSessions();
        planOtherLines();
        lines.sort();
        int swapped = lines.swapNeighbours(random, SWAP_SHARE);
        HostLogWriter writer =
                new HostLogWriter(
                        host, random, new Damager(random, population), settings.damagedShare());
        HostLogWriter.Result written = writer.write(file, lines);
        return writeTruth(truth, written, swapped);
    }

    private void planOutgoing() {
        long[] times = Arrivals.between(random, messages, start + MAX_RECEIVE_LEAD + 5, end);
        long restartAt = restartTime();
        for (long queuedAt : times) {
            if (queuedAt >= restartAt) {
                restart(restartAt);
                restartAt = Long.MAX_VALUE;
            }
            pairs.advanceTo(queuedAt);
            Message message = message(queuedAt);
            message.addLines(lines);
            outgoing.add(message);
        }
    }

    private long restartTime() {
        if (messages < MIN_MESSAGES_FOR_RESTART) {
            return Long.MAX_VALUE;
        }
        return start + (long) ((end - start) * (0.3 + 0.4 * random.nextDouble()));
    }

    /** A server restart: Web Crossing starts again and its ID counter goes back. */
    private void restart(long at) {
        lines.add(at, new OtherLine("webx", "OK", "Server started"), 0);
        ids.restart(random);
    }

    private Message message(long queuedAt) {
        Origin origin = random.nextDouble() < INTERNAL_SHARE ? Origin.INTERNAL : Origin.SMTP_IN;
        String sender = sender(origin);
        String clientIp = origin == Origin.SMTP_IN ? population.clientIp() : null;
        long receivedAt = queuedAt - random.nextInt(MAX_RECEIVE_LEAD + 1);
        long id = ids.allocate(queuedAt);
        Message message = new Message(id, sender, origin, clientIp, queuedAt, receivedAt);
        int count = RECIPIENTS.pick(random);
        Set<String> chosen = new HashSet<>();
        for (int i = 0; i < count; i++) {
            String recipient = freeRecipient(sender, chosen);
            pairs.take(queuedAt, sender, recipient);
            message.deliveries.add(delivery(message, recipient));
        }
        ids.release(id, message.finishedAt());
        return message;
    }

    private String sender(Origin origin) {
        if (origin == Origin.INTERNAL) {
            return population.internalSender();
        }
        return random.nextDouble() < FORWARDED_SHARE
                ? population.externalSender()
                : population.localUser();
    }

    /** A recipient not yet in this message whose pair with the sender is not in recent use. */
    private String freeRecipient(String sender, Set<String> chosen) {
        String recipient = population.remoteRecipient();
        for (int tries = 0; !isFree(sender, recipient, chosen); tries++) {
            recipient = tries < 10 ? population.remoteRecipient() : population.freshRemoteAddress();
        }
        chosen.add(recipient.toLowerCase(Locale.ROOT));
        return recipient;
    }

    private boolean isFree(String sender, String recipient, Set<String> chosen) {
        return pairs.isFree(sender, recipient)
                && !chosen.contains(recipient.toLowerCase(Locale.ROOT));
    }

    private Delivery delivery(Message message, String recipient) {
        DeliveryPlanner.Plan plan = planner.plan(message.queuedAt, recipient);
        boolean glued =
                message.origin == Origin.SMTP_IN && random.nextDouble() < GLUED_OUTGOING_SHARE;
        return new Delivery(message, recipient, glued, plan.steps(), plan.lateStep());
    }

    private void planInbound() {
        int count = (int) Math.round(messages * INBOUND_PER_MESSAGE);
        for (long at : Arrivals.between(random, count, start, end)) {
            InboundMail mail =
                    new InboundMail(
                            population.externalSender(),
                            population.localUser(),
                            population.publicIp(),
                            at,
                            random.nextDouble() < GLUED_INBOUND_SHARE);
            mail.addLines(lines);
            inbound.add(mail);
        }
    }

    private void planSessions() {
        int count = (int) Math.round(messages * SESSIONS_PER_MESSAGE);
        Map<String, Long> busyUntil = new HashMap<>();
        for (long connectAt : Arrivals.between(random, count, start, end)) {
            Protocol protocol = random.nextDouble() < POP3_SHARE ? Protocol.POP3 : Protocol.IMAP;
            String clientIp = population.clientIp();
            while (busyUntil.getOrDefault(protocol + clientIp, Long.MIN_VALUE) >= connectAt) {
                clientIp = population.publicIp();
            }
            Session session = session(protocol, clientIp, connectAt);
            busyUntil.put(protocol + clientIp, session.lastAt() + SESSION_GAP);
            session.addLines(lines);
            sessions.add(session);
        }
    }

    private Session session(Protocol protocol, String clientIp, long connectAt) {
        String user = population.loginName(population.localUser());
        if (random.nextDouble() < NO_LOGIN_SHARE) {
            long disconnectAt = connectAt + random.nextInt(31);
            return new Session(protocol, user, clientIp, connectAt, Session.NO_LOGIN, disconnectAt);
        }
        long loginAt = connectAt + (random.nextDouble() < 0.8 ? 0 : 1);
        return new Session(
                protocol, user, clientIp, connectAt, loginAt, loginAt + sessionLength(protocol));
    }

    /** Seconds from login to disconnect: pop3 fetches and goes, imap clients linger. */
    private long sessionLength(Protocol protocol) {
        if (protocol == Protocol.POP3) {
            return random.nextDouble() < 0.9 ? random.nextInt(30) : random.nextInt(600);
        }
        return random.nextBoolean() ? random.nextInt(60) : random.nextInt(3600);
    }

    private void planOtherLines() {
        int count = (int) Math.max(2, Math.round(messages * OTHER_LINES_PER_MESSAGE));
        for (long at : Arrivals.between(random, count, start, end)) {
            lines.add(at, otherLine(), 0);
        }
    }

    private OtherLine otherLine() {
        return switch (random.nextInt(4)) {
            case 0 ->
                    new OtherLine(
                            "http",
                            "OK",
                            "GET /webx?14@@." + hex() + " from " + population.clientIp());
            case 1 ->
                    new OtherLine(
                            "http",
                            "OK",
                            "POST /webx?50@@." + hex() + " from " + population.clientIp());
            case 2 -> new OtherLine("nntp", "OK", "Connection from " + population.clientIp());
            default -> new OtherLine("webx", "OK", "Scheduled database backup finished");
        };
    }

    private String hex() {
        return Integer.toHexString(0x10000000 + random.nextInt(0x70000000));
    }

    private HostResult writeTruth(TruthWriter truth, HostLogWriter.Result written, int swapped)
            throws IOException {
        long lastLineAt = lines.lastStamp();
        long[] statuses = new long[TruthStatus.values().length];
        for (Message message : outgoing) {
            for (Delivery delivery : message.deliveries) {
                DeliveryTruth known = delivery.truth(host, end, lastLineAt, settings.holdSeconds());
                truth.delivery(known);
                statuses[known.status().ordinal()]++;
            }
        }
        for (InboundMail mail : inbound) {
            truth.inbound(mail.truth(host));
        }
        for (Session session : sessions) {
            truth.session(session.truth(host, end));
        }
        for (DamagedLine line : written.damaged()) {
            truth.damaged(line);
        }
        HostSummary summary =
                new HostSummary(
                        host,
                        written.lines(),
                        Instant.ofEpochSecond(lastLineAt),
                        outgoing.size(),
                        ids.reused());
        return new HostResult(summary, written, swapped, statuses, inbound.size(), sessions.size());
    }

    /** What one host contributed to the summary. */
    record HostResult(
            HostSummary summary,
            HostLogWriter.Result written,
            long swappedPairs,
            long[] statuses,
            long inbound,
            long sessions) {

        long events(EventType type) {
            return written.events()[type.ordinal()];
        }
    }
}
