package io.mailflow.topology;

import io.mailflow.core.delivery.Delivery;
import io.mailflow.core.delivery.ReceiptLedger;
import io.mailflow.core.line.LogEvent;
import io.mailflow.core.session.MailSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The stateful step: applies each event to the delivery, received-mail and session state, fires the
 * deadlines that have passed, and forwards outcomes, errors, inbound mail and sessions.
 *
 * <p>Deadlines fire by each host's line time (see {@link HostClocks}) before the line that passed
 * them is applied, and by wall-clock time from a punctuator when a host has gone quiet, so that
 * deliveries still stall when a server stops logging.
 *
 * <p>A host counts as quiet only while its whole task reads nothing: while records still flow, as
 * when a backlog or a replay of old files is worked through, one host falling silent says nothing
 * about the time, and extrapolating its clock by wall time would close windows and stall deliveries
 * early. So a server that stops logging while others on its partition go on waits for its own next
 * line, or for the partition to go quiet, before its deliveries stall.
 */
final class TrackMail implements Processor<String, LineResult, String, MailOutput> {
    /** How often the wall-clock punctuator runs, and how long a host must be quiet for it. */
    static final Duration WALL_CLOCK_CHECK = Duration.ofSeconds(30);

    /** How many deadlines are read per range scan. */
    private static final int BATCH = 256;

    /**
     * How many deliveries, received-mail ledgers and session lists each task keeps as objects:
     * enough for the lines of several commits, and the deliveries a retried message keeps coming
     * back to.
     */
    static final int CACHED_ENTRIES = 10_000;

    /** How many status counts each task keeps as objects: a few per recipient domain. */
    static final int CACHED_COUNTS = 5_000;

    private final PipelineSettings settings;
    private final PipelineMetrics metrics;
    private ProcessorContext<String, MailOutput> context;
    private DeadlineIndex deadlines;
    private HostClocks clocks;
    private DeliveryTracker deliveries;
    private SessionTracker sessions;
    private long lastRecordWallTime;

    TrackMail(PipelineSettings settings, PipelineMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, MailOutput> context) {
        this.context = context;
        Emitter emitter = this::forward;
        deadlines = new DeadlineIndex(store(DeliveryTopology.DEADLINES_STORE));
        clocks =
                new HostClocks(
                        store(DeliveryTopology.HOST_CLOCKS_STORE), context.currentSystemTimeMs());
        WriteBackCache<Delivery> deliveryStore =
                new WriteBackCache<>(store(DeliveryTopology.DELIVERIES_STORE), CACHED_ENTRIES);
        WriteBackCache<ReceiptLedger> ledgerStore =
                new WriteBackCache<>(store(DeliveryTopology.SMTP_IN_PENDING_STORE), CACHED_ENTRIES);
        WriteBackCache<Long> domainCounts =
                new WriteBackCache<>(store(DeliveryTopology.DOMAIN_COUNTS_STORE), CACHED_COUNTS);
        WriteBackCache<List<MailSession>> sessionStore =
                new WriteBackCache<>(store(DeliveryTopology.OPEN_SESSIONS_STORE), CACHED_ENTRIES);
        CommitHook hook = store(DeliveryTopology.COMMIT_HOOK_STORE);
        hook.beforeCommit(
                () -> {
                    deliveryStore.flush();
                    ledgerStore.flush();
                    domainCounts.flush();
                    sessionStore.flush();
                    deadlines.flush();
                });
        WindowStore<String, Long> errorCounts = store(DeliveryTopology.ERROR_COUNTS_STORE);
        deliveries =
                new DeliveryTracker(
                        deliveryStore,
                        ledgerStore,
                        deadlines,
                        new MailCounts(domainCounts, errorCounts),
                        emitter,
                        metrics,
                        settings);
        sessions = new SessionTracker(sessionStore, deadlines, emitter, settings.sessionTimeout());
        lastRecordWallTime = context.currentSystemTimeMs();
        context.schedule(WALL_CLOCK_CHECK, PunctuationType.WALL_CLOCK_TIME, this::onWallClock);
    }

    @Override
    public void process(Record<String, LineResult> record) {
        if (!(record.value() instanceof ParsedLine line)) {
            return; // rejects are routed to their topic before this step
        }
        LogEvent event = line.event();
        lastRecordWallTime = context.currentSystemTimeMs();
        catchUp(event.host(), event.time().toEpochMilli());
        switch (event.type()) {
            case RECEIVED -> deliveries.onReceived(event);
            case QUEUED, SENT, DELIVERY_ERROR ->
                    deliveries.onDeliveryLine(event, line.classification());
            case SESSION_CONNECT, SESSION_LOGIN, SESSION_DISCONNECT ->
                    sessions.onSessionLine(event);
            case OTHER -> {}
        }
    }

    /** Moves the host's clock to a line's time and fires what fell due by then. */
    private void catchUp(String host, long lineTime) {
        HostClocks.Clock clock = clocks.advance(host, lineTime, context.currentSystemTimeMs());
        if (deadlines.mayHaveDue(host, clock.lineTime())) {
            fireDue(host, clock.lineTime(), false);
            deadlines.refresh(host, clock.lineTime());
        }
    }

    /** Fires the deadlines of hosts that logged nothing for a while, by wall-clock time. */
    private void onWallClock(long wallNow) {
        if (wallNow - lastRecordWallTime < WALL_CLOCK_CHECK.toMillis()) {
            return;
        }
        for (Map.Entry<String, HostClocks.Clock> e : clocks.all()) {
            HostClocks.Clock clock = e.getValue();
            if (clock.quietFor(wallNow) >= WALL_CLOCK_CHECK.toMillis()) {
                fireDue(e.getKey(), clock.lineTimeAt(wallNow), true);
            }
        }
    }

    private void fireDue(String host, long time, boolean byWallClock) {
        Instant now = Instant.ofEpochMilli(time);
        List<DeadlineIndex.Deadline> due;
        do {
            due = deadlines.dueBy(host, time, byWallClock, BATCH);
            for (DeadlineIndex.Deadline d : due) {
                deadlines.remove(d);
                fire(d, now);
            }
        } while (due.size() == BATCH);
    }

    private void fire(DeadlineIndex.Deadline d, Instant now) {
        switch (d.kind()) {
            case DELIVERY -> deliveries.onDeliveryDeadline(d.key(), now);
            case RECEIPTS -> deliveries.onReceiptsDeadline(d.key(), now);
            case SESSIONS -> sessions.onDeadline(d.key(), now);
        }
    }

    private void forward(String key, MailOutput value, Instant time) {
        context.forward(new Record<>(key, value, time.toEpochMilli()));
    }

    private <S extends StateStore> S store(String name) {
        return context.getStateStore(name);
    }
}
