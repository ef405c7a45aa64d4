package io.mailflow.generate;

import io.mailflow.core.classify.ErrorCategory;
import io.mailflow.core.line.EventType;
import java.time.Instant;
import java.util.List;

/** One recipient of one message, with the lines planned for it after it is queued. */
final class Delivery implements LineSource {
    static final int RECEIVED_PART = 0;
    static final int QUEUED_PART = 1;
    private static final int FIRST_STEP_PART = 2;
    private static final long NOT_COMPLETED = Long.MIN_VALUE;

    /**
     * How long after the hold window an open delivery counts as stalled: Web Crossing writes the
     * expiry line when the window ends, so an hour without it means the delivery was lost.
     */
    static final long STALL_GRACE_SECONDS = 3600;

    private final Message message;
    private final String recipient;
    private final boolean gluedReceived;
    private final List<Step> steps;
    private final int lateStep;

    /**
     * @param gluedReceived whether the smtp-in line leaves out the space before {@code to:}
     * @param steps the lines after the queued one, in the order of their stamps
     * @param lateStep the index of an error step written just after the sent line that follows it,
     *     or -1
     */
    Delivery(
            Message message,
            String recipient,
            boolean gluedReceived,
            List<Step> steps,
            int lateStep) {
        this.message = message;
        this.recipient = recipient;
        this.gluedReceived = gluedReceived;
        this.steps = List.copyOf(steps);
        this.lateStep = lateStep;
    }

    @Override
    public EventType type(int part) {
        return switch (part) {
            case RECEIVED_PART -> EventType.RECEIVED;
            case QUEUED_PART -> EventType.QUEUED;
            default -> steps.get(part - FIRST_STEP_PART).kind().eventType();
        };
    }

    @Override
    public void appendBody(int part, StringBuilder out) {
        switch (part) {
            case RECEIVED_PART ->
                    WebCrossingFormat.appendReceived(
                            out, message.sender, recipient, message.clientIp, gluedReceived);
            case QUEUED_PART ->
                    WebCrossingFormat.appendQueued(out, message.id, recipient, message.sender);
            default -> appendStep(steps.get(part - FIRST_STEP_PART), out);
        }
    }

    @Override
    public Object subject() {
        return message;
    }

    /** When the line that ends the delivery is stamped, or {@code Long.MAX_VALUE} for none. */
    long finishedAt() {
        Step last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
        return last != null && last.kind().endsDelivery() ? last.at() : Long.MAX_VALUE;
    }

    /**
     * Adds the lines after the queued one. The late error, stamped a second before the sent line,
     * is added right after it and sorted with the sent line's second.
     */
    void addStepLines(LineBuffer lines) {
        for (int i = 0; i < steps.size(); i++) {
            if (i != lateStep) {
                lines.add(steps.get(i).at(), this, FIRST_STEP_PART + i);
            }
            if (lateStep >= 0 && i == lateStep + 1) {
                lines.addWrittenAt(
                        steps.get(lateStep).at(),
                        steps.get(i).at(),
                        this,
                        FIRST_STEP_PART + lateStep);
            }
        }
    }

    /** Whether the late error line is written; it then follows the sent line in the file. */
    boolean writesLateError(long end) {
        return lateStep >= 0 && steps.get(lateStep).at() < end;
    }

    /**
     * What the lines stamped before {@code end} establish.
     *
     * @param lastLineAt the latest stamp in the host's log, against which open deliveries stall
     * @param holdSeconds Web Crossing's hold window
     */
    DeliveryTruth truth(String host, long end, long lastLineAt, long holdSeconds) {
        ErrorCategory lastCategory = null;
        int attempts = 0;
        for (Step step : steps) {
            if (step.at() >= end) {
                break;
            }
            if (step.kind() != Step.Kind.EXPIRY) {
                attempts++;
            }
            if (step.kind() != Step.Kind.SENT) {
                lastCategory = step.category();
            }
            if (step.kind().endsDelivery()) {
                return truth(host, finalStatus(step.kind()), lastCategory, attempts, step.at());
            }
        }
        TruthStatus open = openStatus(attempts, lastLineAt, holdSeconds);
        return truth(host, open, lastCategory, attempts, NOT_COMPLETED);
    }

    private TruthStatus openStatus(int errors, long lastLineAt, long holdSeconds) {
        if (lastLineAt >= message.queuedAt + holdSeconds + STALL_GRACE_SECONDS) {
            return TruthStatus.STALLED;
        }
        return errors > 0 ? TruthStatus.DEFERRED : TruthStatus.QUEUED;
    }

    private static TruthStatus finalStatus(Step.Kind kind) {
        return switch (kind) {
            case SENT -> TruthStatus.DELIVERED;
            case PERMANENT_ERROR -> TruthStatus.BOUNCED;
            case EXPIRY -> TruthStatus.EXPIRED;
            case TRANSIENT_ERROR -> throw new IllegalArgumentException("not final: " + kind);
        };
    }

    private DeliveryTruth truth(
            String host,
            TruthStatus status,
            ErrorCategory category,
            int attempts,
            long completedAt) {
        return new DeliveryTruth(
                host,
                message.id,
                recipient,
                message.sender,
                message.origin,
                message.origin == Origin.SMTP_IN ? message.clientIp : null,
                Instant.ofEpochSecond(message.queuedAt),
                status,
                category,
                attempts,
                completedAt == NOT_COMPLETED ? null : Instant.ofEpochSecond(completedAt));
    }

    private void appendStep(Step step, StringBuilder out) {
        if (step.kind() == Step.Kind.SENT) {
            WebCrossingFormat.appendSent(out, message.id, recipient, message.sender);
            return;
        }
        WebCrossingFormat.appendErrorStart(out, message.id);
        out.append(step.text());
        WebCrossingFormat.appendAddresses(out, recipient, message.sender);
    }
}
