package io.mailflow.generate;

import io.mailflow.core.classify.ErrorCategory;
import io.mailflow.generate.ErrorTexts.ErrorText;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Plans what happens to one delivery after it is queued: which scenario, which errors with which
 * texts, and when each line is stamped. Every plan stays inside Web Crossing's rules: retries end
 * before the hold window does, and the expiry line comes exactly when it ends.
 */
final class DeliveryPlanner {
    /** Share of deferred deliveries whose last error, a second before sending, is written late. */
    private static final double LATE_ERROR_SHARE = 0.15;

    /** Share of bounces and lost deliveries that see transient errors first. */
    private static final double ERRORS_FIRST_SHARE = 0.3;

    /** Share of retries that log a different text of the same category than the first error. */
    private static final double OTHER_TEXT_SHARE = 0.25;

    /** Most error lines an expiring delivery writes, whatever the hold window. */
    private static final int MAX_EXPIRY_ERRORS = 40;

    private static final long MINUTE = 60;
    private static final long HOUR = 3600;

    /** The plan for one delivery. */
    record Plan(Scenario scenario, List<Step> steps, int lateStep) {}

    private final SplittableRandom random;
    private final Population population;
    private final long hold;
    private final int holdHours;
    private final Weighted<Scenario> scenarios = new Weighted<>();
    private final Weighted<ErrorText> transients;
    private final Weighted<ErrorText> permanents;
    private final Map<ErrorCategory, List<ErrorText>> transientsByCategory =
            new EnumMap<>(ErrorCategory.class);
    private final Weighted<Integer> deferrals =
            new Weighted<Integer>().add(1, 40).add(2, 25).add(3, 15).add(4, 10).add(5, 6).add(6, 4);

    DeliveryPlanner(SplittableRandom random, Population population, int holdHours) {
        this.random = random;
        this.population = population;
        this.hold = holdHours * HOUR;
        this.holdHours = holdHours;
        for (Scenario scenario : Scenario.values()) {
            scenarios.add(scenario, scenario.weight());
        }
        this.transients = texts(false, transientWeights());
        for (ErrorCategory category : ErrorCategory.values()) {
            transientsByCategory.put(category, ErrorTexts.of(category, false));
        }
        this.permanents = texts(true, bounceWeights());
    }

    Plan plan(long queuedAt, String recipient) {
        Scenario scenario = scenarios.pick(random);
        Texts texts = new Texts(recipient);
        return switch (scenario) {
            case DELIVERED_AT_ONCE ->
                    new Plan(scenario, List.of(Step.sent(queuedAt + sendDelay())), -1);
            case DEFERRED_THEN_DELIVERED -> deferredThenDelivered(queuedAt, texts);
            case BOUNCED -> bounced(queuedAt, texts);
            case EXPIRED -> expired(queuedAt, texts);
            case LOST -> lost(queuedAt, texts);
        };
    }

    private Plan deferredThenDelivered(long queuedAt, Texts texts) {
        int errors = deferrals.pick(random);
        List<Step> steps = new ArrayList<>();
        long sentAt = addRetries(steps, queuedAt, errors, texts);
        steps.add(Step.sent(sentAt));
        if (random.nextDouble() >= LATE_ERROR_SHARE) {
            return new Plan(Scenario.DEFERRED_THEN_DELIVERED, steps, -1);
        }
        int late = errors - 1;
        Step error = steps.get(late);
        steps.set(late, new Step(sentAt - 1, error.kind(), error.category(), error.text()));
        return new Plan(Scenario.DEFERRED_THEN_DELIVERED, steps, late);
    }

    private Plan bounced(long queuedAt, Texts texts) {
        List<Step> steps = new ArrayList<>();
        long at = addRetries(steps, queuedAt, errorsFirst(), texts);
        ErrorText bounce = permanents.pick(random);
        steps.add(new Step(at, Step.Kind.PERMANENT_ERROR, bounce.category(), texts.render(bounce)));
        return new Plan(Scenario.BOUNCED, steps, -1);
    }

    private Plan expired(long queuedAt, Texts texts) {
        List<Step> steps = new ArrayList<>();
        long expiresAt = queuedAt + hold;
        long shortest = Math.min(30 * MINUTE, hold / 8);
        long longest = Math.min(4 * HOUR, hold / 3);
        long at = queuedAt + firstRetryDelay();
        while (at < expiresAt && steps.size() < MAX_EXPIRY_ERRORS) {
            steps.add(texts.transientStep(at));
            at += gap(shortest, longest);
        }
        steps.add(
                new Step(
                        expiresAt,
                        Step.Kind.EXPIRY,
                        ErrorCategory.DELIVERY_EXPIRED,
                        ErrorTexts.expiry(holdHours)));
        return new Plan(Scenario.EXPIRED, steps, -1);
    }

    private Plan lost(long queuedAt, Texts texts) {
        List<Step> steps = new ArrayList<>();
        addRetries(steps, queuedAt, errorsFirst(), texts);
        return new Plan(Scenario.LOST, steps, -1);
    }

    /**
     * Adds {@code errors} transient errors, spaced so that the attempt after the last one still
     * comes well inside the hold window.
     *
     * @return the time of the attempt after the last error
     */
    private long addRetries(List<Step> steps, long queuedAt, int errors, Texts texts) {
        long window = hold - Math.min(hold / 4, 30 * MINUTE);
        long longest = Math.min(4 * HOUR, window / (errors + 1));
        long shortest = Math.min(5 * MINUTE, longest / 2);
        long at = queuedAt + firstRetryDelay();
        for (int i = 0; i < errors; i++) {
            steps.add(texts.transientStep(at));
            at += gap(shortest, longest);
        }
        return at;
    }

    private int errorsFirst() {
        return random.nextDouble() < ERRORS_FIRST_SHARE ? 1 + random.nextInt(3) : 0;
    }

    /** Seconds from queued to sent for mail that goes out at once: mostly a few. */
    private long sendDelay() {
        double r = random.nextDouble();
        if (r < 0.7) {
            return 1 + random.nextInt(5);
        }
        return r < 0.95 ? 5 + random.nextInt(55) : 60 + random.nextInt(540);
    }

    private long firstRetryDelay() {
        return 1 + random.nextInt(30);
    }

    /** A retry gap from {@code shortest} to {@code longest}, short gaps more likely. */
    private long gap(long shortest, long longest) {
        long low = Math.max(2, shortest);
        long high = Math.max(low, longest);
        double log = Math.log(low) + random.nextDouble() * (Math.log(high) - Math.log(low));
        return Math.max(low, Math.min(high, Math.round(Math.exp(log))));
    }

    private Weighted<ErrorText> texts(boolean permanent, Map<ErrorCategory, Double> weights) {
        Weighted<ErrorText> picker = new Weighted<>();
        for (ErrorCategory category : ErrorCategory.values()) {
            List<ErrorText> ofCategory = ErrorTexts.of(category, permanent);
            double weight = weights.getOrDefault(category, 1.0) / Math.max(1, ofCategory.size());
            ofCategory.forEach(text -> picker.add(text, weight));
        }
        return picker;
    }

    private static Map<ErrorCategory, Double> transientWeights() {
        Map<ErrorCategory, Double> weights = new EnumMap<>(ErrorCategory.class);
        weights.put(ErrorCategory.CONNECTION_FAILED, 45.0);
        weights.put(ErrorCategory.RATE_LIMITED, 20.0);
        weights.put(ErrorCategory.REMOTE_SERVER_ERROR, 20.0);
        weights.put(ErrorCategory.MAILBOX_FULL, 15.0);
        return weights;
    }

    private static Map<ErrorCategory, Double> bounceWeights() {
        Map<ErrorCategory, Double> weights = new EnumMap<>(ErrorCategory.class);
        weights.put(ErrorCategory.RECIPIENT_UNKNOWN, 38.0);
        weights.put(ErrorCategory.HOST_UNKNOWN, 12.0);
        weights.put(ErrorCategory.MAILBOX_FULL, 10.0);
        weights.put(ErrorCategory.MAILBOX_DISABLED, 7.0);
        weights.put(ErrorCategory.POLICY_REJECTED, 8.0);
        weights.put(ErrorCategory.SPAM_REJECTED, 7.0);
        weights.put(ErrorCategory.BLOCKLISTED, 6.0);
        weights.put(ErrorCategory.SENDER_AUTH_FAILED, 6.0);
        weights.put(ErrorCategory.MESSAGE_TOO_LARGE, 6.0);
        return weights;
    }

    /**
     * The texts of one delivery: its transient errors mostly repeat one text, as a remote server
     * that keeps failing the same way does.
     */
    private final class Texts {
        private final String recipient;
        private String remoteIp;
        private ErrorText usual;

        Texts(String recipient) {
            this.recipient = recipient;
        }

        Step transientStep(long at) {
            if (usual == null) {
                usual = transients.pick(random);
            }
            ErrorText text = usual;
            if (random.nextDouble() < OTHER_TEXT_SHARE) {
                List<ErrorText> same = transientsByCategory.get(usual.category());
                text = same.get(random.nextInt(same.size()));
            }
            return new Step(at, Step.Kind.TRANSIENT_ERROR, text.category(), render(text));
        }

        /** Connection errors name the remote server; the other texts name this host. */
        String render(ErrorText text) {
            if (text.category() != ErrorCategory.CONNECTION_FAILED) {
                return text.render(recipient, population.serverIp());
            }
            if (remoteIp == null) {
                remoteIp = population.publicIp();
            }
            return text.render(recipient, remoteIp);
        }
    }
}
