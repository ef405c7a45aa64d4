package io.mailflow.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeadlineIndexTest {
    private static final Instant T = Instant.parse("2024-03-12T10:00:00Z");

    private DeadlineIndex index;
    private KeyValueStore<Bytes, byte[]> store;

    @BeforeEach
    void setUp() {
        store =
                Stores.keyValueStoreBuilder(
                                Stores.inMemoryKeyValueStore("deadlines"),
                                Serdes.Bytes(),
                                Serdes.ByteArray())
                        .withLoggingDisabled()
                        .build();
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        store.init(context.getStateStoreContext(), store);
        index = new DeadlineIndex(store);
    }

    /** The entries due, removed as the tracker removes those it fires. */
    private List<String> dueBy(String host, Instant time, boolean wallClock) {
        List<DeadlineIndex.Deadline> due = index.dueBy(host, time.toEpochMilli(), wallClock, 100);
        due.forEach(index::remove);
        return due.stream()
                .map(d -> d.kind() + ":" + d.key() + "@" + Instant.ofEpochMilli(d.due()))
                .toList();
    }

    @Test
    void entries_comeOutInDueOrderUpToAndIncludingTheTime() {
        index.schedule("mx", T.plusSeconds(30), DeadlineIndex.Kind.SESSIONS, "s");
        index.schedule("mx", T.plusSeconds(10), DeadlineIndex.Kind.DELIVERY, "d");
        index.schedule("mx", T.plusSeconds(20), DeadlineIndex.Kind.RECEIPTS, "r");
        index.schedule("mx", T.plusSeconds(31), DeadlineIndex.Kind.DELIVERY, "late");

        assertThat(dueBy("mx", T.plusSeconds(30), false))
                .containsExactly(
                        "DELIVERY:d@" + T.plusSeconds(10),
                        "RECEIPTS:r@" + T.plusSeconds(20),
                        "SESSIONS:s@" + T.plusSeconds(30));
    }

    @Test
    void otherHostsEntries_areNotDue() {
        index.schedule("mx", T, DeadlineIndex.Kind.DELIVERY, "a");
        index.schedule("mx2", T, DeadlineIndex.Kind.DELIVERY, "b");
        index.schedule("m", T, DeadlineIndex.Kind.DELIVERY, "c");

        assertThat(dueBy("mx", T, false)).containsExactly("DELIVERY:a@" + T);
    }

    @Test
    void timesBefore1970_sortBeforeLaterOnes() {
        Instant old = Instant.parse("1969-12-31T23:59:00Z");
        index.schedule("mx", T, DeadlineIndex.Kind.DELIVERY, "new");
        index.schedule("mx", old, DeadlineIndex.Kind.DELIVERY, "old");

        assertThat(dueBy("mx", old, false)).containsExactly("DELIVERY:old@" + old);
        assertThat(dueBy("mx", T, false)).containsExactly("DELIVERY:new@" + T);
    }

    @Test
    void wallClock_skipsReceiptDeadlines() {
        index.schedule("mx", T, DeadlineIndex.Kind.RECEIPTS, "r");
        index.schedule("mx", T, DeadlineIndex.Kind.SESSIONS, "s");

        assertThat(dueBy("mx", T, true)).containsExactly("SESSIONS:s@" + T);
    }

    @Test
    void entryScheduledBeforeTheLastScan_isStillFound() {
        index.schedule("mx", T, DeadlineIndex.Kind.DELIVERY, "a");
        index.dueBy("mx", T.plusSeconds(60).toEpochMilli(), false, 10).forEach(index::remove);

        index.schedule("mx", T.plusSeconds(1), DeadlineIndex.Kind.RECEIPTS, "late");

        assertThat(dueBy("mx", T.plusSeconds(60), false))
                .containsExactly("RECEIPTS:late@" + T.plusSeconds(1));
    }

    @Test
    void fullBatch_leavesTheRestForTheNextCall() {
        for (int i = 0; i < 5; i++) {
            index.schedule("mx", T.plusSeconds(i), DeadlineIndex.Kind.DELIVERY, "d" + i);
        }
        long until = T.plusSeconds(9).toEpochMilli();
        List<DeadlineIndex.Deadline> first = index.dueBy("mx", until, false, 3);
        first.forEach(index::remove);

        assertThat(first).extracting(DeadlineIndex.Deadline::key).containsExactly("d0", "d1", "d2");
        assertThat(dueBy("mx", T.plusSeconds(9), false)).hasSize(2);
    }

    @Test
    void removedEntries_areNoLongerDue() {
        index.schedule("mx", T, DeadlineIndex.Kind.DELIVERY, "a");
        dueBy("mx", T, false);

        assertThat(dueBy("mx", T, false)).isEmpty();
    }

    @Test
    void mayHaveDue_followsTheNextEntryAfterRefresh() {
        assertThat(index.mayHaveDue("mx", T.toEpochMilli())).isTrue();
        index.schedule("mx", T.plusSeconds(5), DeadlineIndex.Kind.DELIVERY, "a");

        index.refresh("mx", T.toEpochMilli());

        assertThat(index.mayHaveDue("mx", T.plusSeconds(4).toEpochMilli())).isFalse();
        assertThat(index.mayHaveDue("mx", T.plusSeconds(5).toEpochMilli())).isTrue();
    }

    @Test
    void refresh_withNothingSoon_checksAgainAfterTheLookAhead() {
        index.schedule("mx", T.plusSeconds(3600), DeadlineIndex.Kind.DELIVERY, "later");

        index.refresh("mx", T.toEpochMilli());

        long horizon = T.toEpochMilli() + DeadlineIndex.LOOK_AHEAD_MS;
        assertThat(index.mayHaveDue("mx", horizon - 1)).isFalse();
        assertThat(index.mayHaveDue("mx", horizon)).isTrue();
    }

    @Test
    void scheduleSoonerThanTheRemembered_lowersIt() {
        index.refresh("mx", T.toEpochMilli());

        index.schedule("mx", T.plusSeconds(1), DeadlineIndex.Kind.RECEIPTS, "r");

        assertThat(index.mayHaveDue("mx", T.plusSeconds(1).toEpochMilli())).isTrue();
    }

    @Test
    void changes_reachTheStoreOnlyWhenFlushed() {
        index.schedule("mx", T, DeadlineIndex.Kind.DELIVERY, "d");
        assertThat(storedKeys()).isEmpty();

        index.flush();

        assertThat(storedKeys()).hasSize(1);
        assertThat(index.pendingCount()).isZero();
        assertThat(dueBy("mx", T, false)).containsExactly("DELIVERY:d@" + T);
        assertThat(storedKeys()).hasSize(1); // the removal waits for the next flush
        index.flush();
        assertThat(storedKeys()).isEmpty();
    }

    @Test
    void anEntryScheduledAndFiredBetweenFlushes_isNeverWritten() {
        index.schedule("mx", T, DeadlineIndex.Kind.RECEIPTS, "r");
        assertThat(dueBy("mx", T, false)).containsExactly("RECEIPTS:r@" + T);

        index.flush();

        assertThat(storedKeys()).isEmpty();
        assertThat(index.pendingCount()).isZero();
    }

    @Test
    void scans_mergeTheStoredEntriesWithTheChangesSinceTheLastFlush() {
        index.schedule("mx", T.plusSeconds(10), DeadlineIndex.Kind.DELIVERY, "stored-a");
        index.schedule("mx", T.plusSeconds(30), DeadlineIndex.Kind.DELIVERY, "stored-b");
        index.flush();
        index.schedule("mx", T.plusSeconds(20), DeadlineIndex.Kind.SESSIONS, "new");
        index.schedule("mx", T.plusSeconds(5), DeadlineIndex.Kind.DELIVERY, "newest");

        assertThat(dueBy("mx", T.plusSeconds(10), false))
                .containsExactly(
                        "DELIVERY:newest@" + T.plusSeconds(5),
                        "DELIVERY:stored-a@" + T.plusSeconds(10));
        // stored-a is removed in memory only, and must not come back from the store.
        index.refresh("mx", T.plusSeconds(10).toEpochMilli());
        assertThat(index.mayHaveDue("mx", T.plusSeconds(19).toEpochMilli())).isFalse();
        assertThat(dueBy("mx", T.plusSeconds(40), false))
                .containsExactly(
                        "SESSIONS:new@" + T.plusSeconds(20),
                        "DELIVERY:stored-b@" + T.plusSeconds(30));

        index.flush();
        assertThat(storedKeys()).isEmpty();
    }

    private List<Bytes> storedKeys() {
        List<Bytes> keys = new ArrayList<>();
        try (var it = store.all()) {
            it.forEachRemaining(entry -> keys.add(entry.key));
        }
        return keys;
    }
}
