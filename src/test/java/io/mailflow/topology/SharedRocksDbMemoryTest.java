package io.mailflow.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.state.internals.BlockBasedTableConfigWithAccessibleCache;
import org.junit.jupiter.api.Test;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class SharedRocksDbMemoryTest {
    static {
        RocksDB.loadLibrary();
    }

    private final SharedRocksDbMemory setter = new SharedRocksDbMemory();

    @Test
    void storesWithOneBudget_shareOneBlockCacheAndOneWriteBufferManager() {
        Map<String, Object> configs = Map.of(SharedRocksDbMemory.BYTES_CONFIG, 48L << 20);
        try (Options first = options();
                Options second = options()) {
            setter.setConfig("deliveries", first, configs);
            setter.setConfig("deadlines", second, configs);

            assertThat(cacheOf(first)).isNotNull().isSameAs(cacheOf(second));
            assertThat(first.writeBufferManager())
                    .isNotNull()
                    .isSameAs(second.writeBufferManager());
            assertThat(cacheOf(first)).isSameAs(SharedRocksDbMemory.budget(48L << 20).cache());
        }
    }

    @Test
    void anotherBudget_getsACacheOfItsOwn() {
        try (Options small = options();
                Options large = options()) {
            setter.setConfig("small", small, Map.of(SharedRocksDbMemory.BYTES_CONFIG, "33554432"));
            setter.setConfig("large", large, Map.of(SharedRocksDbMemory.BYTES_CONFIG, 64L << 20));

            assertThat(cacheOf(small)).isNotSameAs(cacheOf(large));
        }
    }

    @Test
    void noBudgetConfigured_takesTheDefault() {
        assertThat(SharedRocksDbMemory.bytes(Map.of()))
                .isEqualTo(SharedRocksDbMemory.DEFAULT_BYTES);
    }

    @Test
    void aBudgetThatIsNoPositiveNumber_isRefusedNamingTheConfig() {
        for (Object bad : List.of("lots", 0L, "-5")) {
            assertThatThrownBy(
                            () ->
                                    SharedRocksDbMemory.bytes(
                                            Map.of(SharedRocksDbMemory.BYTES_CONFIG, bad)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(SharedRocksDbMemory.BYTES_CONFIG);
        }
    }

    @Test
    void everyKeyValueStoreOfThePipeline_reportsTheSharedCacheAsItsBlockCache() {
        try (TopologyFixture fixture = new TopologyFixture()) {
            fixture.pipe(
                    "mail01",
                    WebxLines.queued(
                            Instant.parse("2030-01-01T00:00:00Z"),
                            1,
                            "b@y.example",
                            "a@x.example"));

            Map<MetricName, ? extends Metric> metrics = fixture.driver.metrics();
            List<Object> capacities =
                    metrics.entrySet().stream()
                            .filter(e -> isKeyValueCacheCapacity(e.getKey()))
                            .map(e -> e.getValue().metricValue())
                            .toList();
            List<String> stores =
                    metrics.keySet().stream()
                            .filter(SharedRocksDbMemoryTest::isKeyValueCacheCapacity)
                            .map(n -> n.tags().toString())
                            .toList();

            assertThat(stores)
                    .anySatisfy(tags -> assertThat(tags).contains("deliveries"))
                    .anySatisfy(tags -> assertThat(tags).contains("deadlines"));
            assertThat(capacities)
                    .isNotEmpty()
                    .allSatisfy(
                            c ->
                                    assertThat(((Number) c).longValue())
                                            .isEqualTo(SharedRocksDbMemory.DEFAULT_BYTES));
        }
    }

    /**
     * The hourly window store is left out: its segments, each a RocksDB of its own, open as hours
     * pass, and its metric reports none until then.
     */
    private static boolean isKeyValueCacheCapacity(MetricName name) {
        return name.name().equals("block-cache-capacity")
                && name.tags().containsKey("rocksdb-state-id");
    }

    private static Options options() {
        Options options = new Options();
        options.setTableFormatConfig(new BlockBasedTableConfigWithAccessibleCache());
        return options;
    }

    private static Object cacheOf(Options options) {
        return ((BlockBasedTableConfigWithAccessibleCache) options.tableFormatConfig())
                .blockCache();
    }
}
