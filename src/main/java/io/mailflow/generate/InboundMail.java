package io.mailflow.generate;

import io.mailflow.core.line.EventType;
import java.time.Instant;

/** Mail received for a local mailbox: one smtp-in line and nothing after it. */
final class InboundMail implements LineSource {
    private final String sender;
    private final String recipient;
    private final String clientIp;
    private final long receivedAt;
    private final boolean glued;

    InboundMail(String sender, String recipient, String clientIp, long receivedAt, boolean glued) {
        this.sender = sender;
        this.recipient = recipient;
        this.clientIp = clientIp;
        this.receivedAt = receivedAt;
        this.glued = glued;
    }

    void addLines(LineBuffer lines) {
        lines.add(receivedAt, this, 0);
    }

    @Override
    public EventType type(int part) {
        return EventType.RECEIVED;
    }

    @Override
    public void appendBody(int part, StringBuilder out) {
        WebCrossingFormat.appendReceived(out, sender, recipient, clientIp, glued);
    }

    @Override
    public Object subject() {
        return this;
    }

    InboundTruth truth(String host) {
        return new InboundTruth(
                host, sender, recipient, clientIp, Instant.ofEpochSecond(receivedAt));
    }
}
