package io.mailflow.topology;

import io.mailflow.core.line.LogEvent;
import io.mailflow.core.line.Protocol;
import io.mailflow.core.session.MailSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Pieces pop3 and imap sessions together from their connect, login and disconnect lines, which
 * carry an address but no session number. Open sessions are kept by host, protocol and the address
 * the disconnect line will name.
 *
 * <p>A login names the address the client logged in from. It attaches to the oldest open session of
 * that protocol, host and address that has no login yet; if there is none, to the most recently
 * opened session of that protocol on that host that has no login yet, whatever its address (Web
 * Crossing logs the connect with the address of the proxy or NAT the client came through); the
 * session then moves under the login's address, which is what its disconnect line names. A login
 * that matches nothing opens a session without a connect time. A disconnect closes the oldest open
 * session under its address, or is written as a session seen only at its end. Sessions not
 * disconnected within the session timeout are closed as timed out.
 */
final class SessionTracker {
    private static final StringSerializer KEYS = new StringSerializer();

    private final WriteBackCache<List<MailSession>> open;
    private final DeadlineIndex deadlines;
    private final Emitter emitter;
    private final Duration timeout;

    SessionTracker(
            WriteBackCache<List<MailSession>> open,
            DeadlineIndex deadlines,
            Emitter emitter,
            Duration timeout) {
        this.open = open;
        this.deadlines = deadlines;
        this.emitter = emitter;
        this.timeout = timeout;
    }

    void onSessionLine(LogEvent e) {
        switch (e.type()) {
            case SESSION_CONNECT -> connect(e);
            case SESSION_LOGIN -> login(e);
            case SESSION_DISCONNECT -> disconnect(e);
            default ->
                    throw new IllegalArgumentException(
                            "event type " + e.type() + " is not a session event");
        }
    }

    /** Open sessions under {@code key} whose timeout has come by {@code now} are closed. */
    void onDeadline(String key, Instant now) {
        List<MailSession> sessions = open.get(key);
        if (sessions == null) {
            return;
        }
        List<MailSession> stillOpen = new ArrayList<>();
        for (MailSession s : sessions) {
            if (!now.isBefore(s.timesOutAt(timeout))) {
                emit(s.timeOut(), s.timesOutAt(timeout));
            } else {
                stillOpen.add(s);
            }
        }
        if (stillOpen.size() != sessions.size()) {
            save(key, stillOpen);
        }
    }

    private void connect(LogEvent e) {
        MailSession s = MailSession.connected(e.host(), e.protocol(), e.clientIp(), e.time());
        add(StoreKeys.sessions(e.host(), e.protocol(), e.clientIp()), s);
    }

    private void login(LogEvent e) {
        String key = StoreKeys.sessions(e.host(), e.protocol(), e.clientIp());
        List<MailSession> sessions = sessionsAt(key);
        for (int i = 0; i < sessions.size(); i++) {
            if (!sessions.get(i).isLoggedIn()) {
                sessions.set(i, sessions.get(i).login(e.user(), e.clientIp(), e.time()));
                open.put(key, sessions);
                return;
            }
        }
        MailSession elsewhere = takeNewestWithoutLogin(e.host(), e.protocol());
        add(
                key,
                elsewhere == null
                        ? MailSession.loggedInUnseen(
                                e.host(), e.protocol(), e.user(), e.clientIp(), e.time())
                        : elsewhere.login(e.user(), e.clientIp(), e.time()));
    }

    private void disconnect(LogEvent e) {
        String key = StoreKeys.sessions(e.host(), e.protocol(), e.clientIp());
        List<MailSession> sessions = sessionsAt(key);
        if (sessions.isEmpty()) {
            emit(
                    MailSession.disconnectedUnseen(e.host(), e.protocol(), e.clientIp(), e.time()),
                    e.time());
            return;
        }
        MailSession closed = sessions.remove(0).disconnect(e.time());
        save(key, sessions);
        emit(closed, e.time());
    }

    /** Takes the most recently opened session without login of this protocol on this host. */
    private MailSession takeNewestWithoutLogin(String host, Protocol protocol) {
        String bestKey = null;
        int bestIndex = -1;
        MailSession best = null;
        try (KeyValueIterator<String, List<MailSession>> it =
                open.prefixScan(StoreKeys.sessionPrefix(host, protocol), KEYS)) {
            while (it.hasNext()) {
                KeyValue<String, List<MailSession>> entry = it.next();
                for (int i = 0; i < entry.value.size(); i++) {
                    MailSession s = entry.value.get(i);
                    if (!s.isLoggedIn()
                            && (best == null || s.openedAt().isAfter(best.openedAt()))) {
                        best = s;
                        bestKey = entry.key;
                        bestIndex = i;
                    }
                }
            }
        }
        if (best != null) {
            List<MailSession> rest = sessionsAt(bestKey);
            rest.remove(bestIndex);
            save(bestKey, rest);
        }
        return best;
    }

    private void add(String key, MailSession s) {
        List<MailSession> sessions = sessionsAt(key);
        sessions.add(s);
        open.put(key, sessions);
        deadlines.schedule(s.host(), s.timesOutAt(timeout), DeadlineIndex.Kind.SESSIONS, key);
    }

    private List<MailSession> sessionsAt(String key) {
        List<MailSession> sessions = open.get(key);
        return sessions == null ? new ArrayList<>() : new ArrayList<>(sessions);
    }

    private void save(String key, List<MailSession> sessions) {
        if (sessions.isEmpty()) {
            open.delete(key);
        } else {
            open.put(key, sessions);
        }
    }

    private void emit(MailSession s, Instant time) {
        emitter.emit(s.host(), SessionRecord.of(s), time);
    }
}
