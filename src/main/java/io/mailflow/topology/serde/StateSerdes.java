package io.mailflow.topology.serde;

import io.mailflow.core.classify.ErrorCategory;
import io.mailflow.core.delivery.Attempt;
import io.mailflow.core.delivery.AttemptLog;
import io.mailflow.core.delivery.Delivery;
import io.mailflow.core.delivery.DeliveryKey;
import io.mailflow.core.delivery.DeliveryStatus;
import io.mailflow.core.delivery.Origin;
import io.mailflow.core.delivery.ReceiptLedger;
import io.mailflow.core.delivery.ReceiptLedger.QueuedMail;
import io.mailflow.core.delivery.ReceiptLedger.Receipt;
import io.mailflow.core.line.Protocol;
import io.mailflow.core.session.MailSession;
import io.mailflow.core.session.SessionEnd;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary forms of the topology's state store values. Each starts with a format version byte;
 * enum constants are written by name, times as epoch milliseconds.
 */
public final class StateSerdes {
    private static final int VERSION = 1;
    private static final int NO_LAST_ERROR = 0;
    private static final int LAST_ERROR_IS_LATEST_ATTEMPT = 1;
    private static final int LAST_ERROR_FOLLOWS = 2;

    private static final BinarySerde<Delivery> DELIVERY =
            new BinarySerde<>(
                    "delivery state", 160, StateSerdes::writeDelivery, StateSerdes::readDelivery);
    private static final BinarySerde<ReceiptLedger> LEDGER =
            new BinarySerde<>(
                    "receipt ledger", 32, StateSerdes::writeLedger, StateSerdes::readLedger);
    private static final BinarySerde<List<MailSession>> SESSIONS =
            new BinarySerde<>(
                    "open sessions", 64, StateSerdes::writeSessions, StateSerdes::readSessions);

    private StateSerdes() {}

    public static BinarySerde<Delivery> delivery() {
        return DELIVERY;
    }

    public static BinarySerde<ReceiptLedger> receiptLedger() {
        return LEDGER;
    }

    public static BinarySerde<List<MailSession>> openSessions() {
        return SESSIONS;
    }

    private static void writeDelivery(BinaryWriter w, Delivery d) {
        w.writeByte(VERSION)
                .writeString(d.host())
                .writeVarLong(d.messageId())
                .writeString(d.recipient())
                .writeString(d.sender())
                .writeEnum(d.origin())
                .writeString(d.clientIp())
                .writeInstant(d.queuedAt())
                .writeInstant(d.firstSeenAt());
        writeAttempts(w, d.failures());
        writeLastError(w, d);
        w.writeInstant(d.sentAt())
                .writeEnum(d.status())
                .writeInstant(d.completedAt())
                .writeInstant(d.updatedAt());
    }

    private static Delivery readDelivery(BinaryReader r) {
        r.expectVersion(VERSION);
        DeliveryKey key = new DeliveryKey(r.readString(), r.readVarLong(), r.readString());
        String sender = r.readString();
        Origin origin = r.readEnum(Origin.class);
        String clientIp = r.readString();
        Instant queuedAt = r.readInstant();
        Instant firstSeenAt = r.readInstant();
        AttemptLog attempts = readAttempts(r);
        return new Delivery(
                key,
                sender,
                origin,
                clientIp,
                queuedAt,
                firstSeenAt,
                attempts,
                readLastError(r, attempts),
                r.readInstant(),
                r.readEnum(DeliveryStatus.class),
                r.readInstant(),
                r.readInstant());
    }

    private static void writeAttempts(BinaryWriter w, AttemptLog log) {
        w.writeVarLong(log.total()).writeVarLong(log.kept().size());
        for (Attempt a : log.kept()) {
            writeAttempt(w, a);
        }
    }

    private static AttemptLog readAttempts(BinaryReader r) {
        int total = r.readVarInt();
        int kept = r.readVarInt();
        List<Attempt> attempts = new ArrayList<>(kept);
        for (int i = 0; i < kept; i++) {
            attempts.add(readAttempt(r));
        }
        return new AttemptLog(attempts, total);
    }

    /**
     * The last error is usually the latest kept attempt; it is then written as a reference to it
     * rather than a second copy of its text.
     */
    private static void writeLastError(BinaryWriter w, Delivery d) {
        Attempt last = d.lastError();
        List<Attempt> kept = d.failures().kept();
        if (last == null) {
            w.writeByte(NO_LAST_ERROR);
        } else if (!kept.isEmpty() && kept.get(kept.size() - 1).equals(last)) {
            w.writeByte(LAST_ERROR_IS_LATEST_ATTEMPT);
        } else {
            writeAttempt(w.writeByte(LAST_ERROR_FOLLOWS), last);
        }
    }

    private static Attempt readLastError(BinaryReader r, AttemptLog attempts) {
        int form = r.readByte();
        return switch (form) {
            case NO_LAST_ERROR -> null;
            case LAST_ERROR_IS_LATEST_ATTEMPT -> attempts.kept().get(attempts.kept().size() - 1);
            case LAST_ERROR_FOLLOWS -> readAttempt(r);
            default ->
                    throw new IllegalStateException(
                            "delivery state has last-error form " + form + ", expected 0, 1 or 2");
        };
    }

    private static void writeAttempt(BinaryWriter w, Attempt a) {
        w.writeInstant(a.time())
                .writeString(a.errorText())
                .writeEnum(a.category())
                .writeBoolean(a.permanent())
                .writeString(a.enhancedStatus());
    }

    private static Attempt readAttempt(BinaryReader r) {
        return new Attempt(
                r.readInstant(),
                r.readString(),
                r.readEnum(ErrorCategory.class),
                r.readBoolean(),
                r.readString());
    }

    private static void writeLedger(BinaryWriter w, ReceiptLedger ledger) {
        w.writeByte(VERSION).writeVarLong(ledger.receipts().size());
        for (Receipt receipt : ledger.receipts()) {
            w.writeInstant(receipt.time()).writeString(receipt.clientIp());
        }
        w.writeVarLong(ledger.queued().size());
        for (QueuedMail q : ledger.queued()) {
            w.writeVarLong(q.messageId()).writeInstant(q.time());
        }
    }

    private static ReceiptLedger readLedger(BinaryReader r) {
        r.expectVersion(VERSION);
        int receiptCount = r.readVarInt();
        List<Receipt> receipts = new ArrayList<>(receiptCount);
        for (int i = 0; i < receiptCount; i++) {
            receipts.add(new Receipt(r.readInstant(), r.readString()));
        }
        int queuedCount = r.readVarInt();
        List<QueuedMail> queued = new ArrayList<>(queuedCount);
        for (int i = 0; i < queuedCount; i++) {
            queued.add(new QueuedMail(r.readVarLong(), r.readInstant()));
        }
        return new ReceiptLedger(receipts, queued);
    }

    private static void writeSessions(BinaryWriter w, List<MailSession> sessions) {
        w.writeByte(VERSION).writeVarLong(sessions.size());
        for (MailSession s : sessions) {
            w.writeString(s.host())
                    .writeEnum(s.protocol())
                    .writeString(s.connectIp())
                    .writeInstant(s.connectedAt())
                    .writeString(s.user())
                    .writeString(s.loginIp())
                    .writeInstant(s.loginAt())
                    .writeInstant(s.disconnectedAt())
                    .writeEnum(s.end());
        }
    }

    private static List<MailSession> readSessions(BinaryReader r) {
        r.expectVersion(VERSION);
        int count = r.readVarInt();
        List<MailSession> sessions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sessions.add(
                    new MailSession(
                            r.readString(),
                            r.readEnum(Protocol.class),
                            r.readString(),
                            r.readInstant(),
                            r.readString(),
                            r.readString(),
                            r.readInstant(),
                            r.readInstant(),
                            r.readEnum(SessionEnd.class)));
        }
        return sessions;
    }
}
