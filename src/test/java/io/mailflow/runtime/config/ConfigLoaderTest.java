package io.mailflow.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailflow.topology.PipelineSettings;
import io.mailflow.topology.SharedRocksDbMemory;
import io.mailflow.topology.TopicNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rocksdb.Options;

class ConfigLoaderTest {
    @TempDir Path dir;

    @Test
    void nothingSet_givesTheDefaults() {
        MailflowConfig config = load(Map.of(), Map.of());

        PipelineSettings settings = config.pipelineSettings();
        assertThat(settings.topics()).isEqualTo(TopicNames.DEFAULT);
        assertThat(settings.zones().zoneOf("any-host")).isEqualTo(ZoneOffset.UTC);
        assertThat(settings.defaultHost()).isEqualTo(PipelineSettings.DEFAULT.defaultHost());
        assertThat(settings.inputKeyedByHost()).isTrue();
        assertThat(settings.stallAfter()).isEqualTo(PipelineSettings.DEFAULT.stallAfter());
        assertThat(settings.retention()).isEqualTo(Duration.ofDays(7));
        assertThat(settings.errorTopicPerCategory()).isFalse();
        assertThat(settings.originWindow()).isEqualTo(PipelineSettings.DEFAULT.originWindow());
        assertThat(settings.sessionTimeout()).isEqualTo(PipelineSettings.DEFAULT.sessionTimeout());
        assertThat(config.get(ConfigKeys.HTTP_PORT)).isEqualTo(7070);
        assertThat(config.get(ConfigKeys.HTTP_BIND_ADDRESS)).isEqualTo("127.0.0.1");
        assertThat(config.get(ConfigKeys.RULES_FILE)).isEmpty();
        assertThat(config.streamsProperties())
                .containsEntry("bootstrap.servers", "localhost:9092")
                .containsEntry("application.id", "mailflow")
                .containsEntry("processing.guarantee", "exactly_once_v2")
                .containsEntry("num.stream.threads", 1)
                .containsEntry("replication.factor", -1)
                .containsEntry("enable.transactional.statestores", true)
                .containsEntry("rocksdb.config.setter", SharedRocksDbMemory.class)
                .containsEntry(SharedRocksDbMemory.BYTES_CONFIG, 256L << 20);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "16MiB, 16777216",
        "2GiB, 2147483648",
        "524288KiB, 536870912",
        "20000000, 20000000"
    })
    void stateMemory_isReadInBytesAndReachesTheRocksDbSetter(String text, long bytes) {
        MailflowConfig config = load(Map.of(), Map.of("state.memory", text));

        assertThat(config.get(ConfigKeys.STATE_MEMORY)).isEqualTo(bytes);
        assertThat(config.streamsProperties())
                .containsEntry(SharedRocksDbMemory.BYTES_CONFIG, bytes);
    }

    @Test
    void aRocksDbSetterOfTheUsersOwn_replacesTheSharedBudget() {
        MailflowConfig config =
                load(Map.of(), Map.of("kafka.rocksdb.config.setter", OwnSetter.class.getName()));

        assertThat(config.streamsProperties())
                .containsEntry("rocksdb.config.setter", OwnSetter.class.getName());
    }

    @Test
    void transactionalStores_areOffWhenTurnedOffOrUnderAtLeastOnce() {
        MailflowConfig off = load(Map.of(), Map.of("state.transactional", "false"));
        MailflowConfig atLeastOnce =
                load(Map.of(), Map.of("processing.guarantee", "at_least_once"));

        assertThat(off.streamsProperties())
                .containsEntry("enable.transactional.statestores", false);
        assertThat(atLeastOnce.streamsProperties())
                .containsEntry("enable.transactional.statestores", false);
    }

    @Test
    void flagBeatsEnvironmentBeatsFileBeatsDefault() throws IOException {
        Path file = file(Map.of("http.port", "1001", "stream.threads", "2", "retention", "3d"));
        Map<String, String> env =
                Map.of("MAILFLOW_HTTP_PORT", "1002", "MAILFLOW_STREAM_THREADS", "3");
        Map<String, String> flags = Map.of("http.port", "1003");

        MailflowConfig config = ConfigLoader.load(Optional.of(file), env, flags);

        assertThat(config.get(ConfigKeys.HTTP_PORT)).isEqualTo(1003);
        assertThat(config.get(ConfigKeys.STREAM_THREADS)).isEqualTo(3);
        assertThat(config.get(ConfigKeys.RETENTION)).isEqualTo(Duration.ofDays(3));
        assertThat(config.get(ConfigKeys.HOLD_WINDOW)).isEqualTo(Duration.ofHours(48));
    }

    @Test
    void configFileNamedByTheEnvironment_isRead() throws IOException {
        Path file = file(Map.of("application.id", "mailflow-eu"));

        MailflowConfig config = load(Map.of("MAILFLOW_CONFIG", file.toString()), Map.of());

        assertThat(config.get(ConfigKeys.APPLICATION_ID)).isEqualTo("mailflow-eu");
    }

    @Test
    void zonesAndDefaultZone_giveEachHostItsZone() {
        MailflowConfig config =
                load(
                        Map.of("MAILFLOW_ZONES", "mail01=Europe/Paris, mail02=America/New_York"),
                        Map.of("default.zone", "Asia/Tokyo"));

        assertThat(config.zones().zoneOf("mail01")).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(config.zones().zoneOf("mail02")).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(config.zones().zoneOf("mail03")).isEqualTo(ZoneId.of("Asia/Tokyo"));
    }

    @Test
    void holdWindowWithoutStallAfter_stallsOneHourAfterTheWindow() {
        MailflowConfig config = load(Map.of(), Map.of("hold.window", "72h"));

        assertThat(config.stallAfter()).isEqualTo(Duration.ofHours(73));
    }

    @Test
    void kafkaPrefixedKeysFromEverySource_reachTheClientsWithoutPrefix() throws IOException {
        Path file = file(Map.of("kafka.security.protocol", "SASL_SSL"));
        Map<String, String> env = Map.of("MAILFLOW_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
        Map<String, String> flags =
                Map.of("kafka.producer.linger.ms", "20", "kafka.admin.request.timeout.ms", "9000");

        MailflowConfig config = ConfigLoader.load(Optional.of(file), env, flags);

        assertThat(config.streamsProperties())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("producer.linger.ms", "20");
        assertThat(config.adminConfig())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("request.timeout.ms", "9000")
                .containsEntry("bootstrap.servers", "localhost:9092")
                .doesNotContainKey("producer.linger.ms");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "http.port | 70000 | http.port is '70000' (flag --http-port): out of range;"
                        + " expected a port from 0 to 65535",
                "stream.threads | 0 | stream.threads is '0' (flag --stream-threads): out of range;"
                        + " expected a whole number from 1 to 64",
                "hold.window | 2 days | hold.window is '2 days' (flag --hold-window); expected a"
                        + " duration such as 90m, 48h, 7d or PT48H",
                "retention | 0s | retention is '0s' (flag --retention): must be longer than zero;"
                        + " expected a duration",
                "zones | mail01=Europe/Pari | zones is 'mail01=Europe/Pari' (flag --zones): unknown"
                        + " time zone 'Europe/Pari'; expected host=zone pairs",
                "zones | mail01 | zones is 'mail01' (flag --zones): 'mail01' is not host=zone;"
                        + " expected host=zone pairs",
                "default.zone | Mars/Olympus | default.zone is 'Mars/Olympus' (flag"
                        + " --default-zone): unknown time zone",
                "bootstrap.servers | broker1:9092,broker2 | bootstrap.servers is"
                        + " 'broker1:9092,broker2' (flag --bootstrap-servers): 'broker2' is not"
                        + " host:port; expected host:port pairs",
                "topic.outcomes | outcomes topic | topic.outcomes is 'outcomes topic' (flag"
                        + " --topic-outcomes)",
                "topic.replication.factor | 0 | topic.replication.factor is '0' (flag"
                    + " --topic-replication-factor): 0 replicas cannot hold any data; expected -1"
                    + " or",
                "processing.guarantee | exactly_once | processing.guarantee is 'exactly_once' (flag"
                        + " --processing-guarantee); expected exactly_once_v2 or at_least_once",
                "input.keyed.by.host | yes | input.keyed.by.host is 'yes' (flag"
                        + " --input-keyed-by-host); expected true or false",
                "rules.file | /no/such/rules.txt | rules.file is '/no/such/rules.txt' (flag"
                    + " --rules-file): no readable file there; expected the path of a readable rule"
                    + " file",
                "application.id | mail flow | application.id is 'mail flow' (flag"
                        + " --application-id)",
                "state.memory | 8MiB | state.memory is '8MiB' (flag --state-memory): too small;"
                        + " expected a size such as 256MiB or 2GiB, at least 16MiB",
                "state.memory | 1GB | state.memory is '1GB' (flag --state-memory); expected a"
                        + " size such as 256MiB",
                "state.memory | 99999999999999GiB | state.memory is '99999999999999GiB' (flag"
                        + " --state-memory): too large",
                "stall.after | 24h | stall.after is '24h' (flag --stall-after); expected more than"
                        + " hold.window (48h)",
            })
    void badValue_isRefusedNamingKeySourceValueAndExpectation(
            String key, String value, String message) {
        assertThatThrownBy(() -> load(Map.of(), Map.of(key, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void badValueFromTheEnvironment_namesTheVariable() {
        assertThatThrownBy(() -> load(Map.of("MAILFLOW_HTTP_PORT", "http"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "http.port is 'http' (environment MAILFLOW_HTTP_PORT): not a whole"
                                + " number; expected a port from 0 to 65535")
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void severalBadValues_areReportedTogether() throws IOException {
        Path file = file(Map.of("http.port", "-1", "default.zone", "Nowhere"));

        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of(), Map.of()))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e ->
                                assertThat(e.problems())
                                        .hasSize(2)
                                        .allSatisfy(
                                                p -> assertThat(p).contains("(file " + file + ")")))
                .hasMessageStartingWith("2 configuration problems: ");
    }

    @Test
    void unknownKeyInTheFile_isRefusedNamingKeyAndFile() throws IOException {
        Path file = file(Map.of("bootstrap.server", "broker:9092"));

        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("unknown key 'bootstrap.server' (file " + file + ")");
    }

    @Test
    void unknownMailflowVariable_isIgnored() {
        MailflowConfig config =
                load(
                        Map.of("MAILFLOW_HOME", "/opt/mailflow", "MAILFLOW_LOG_LEVEL", "DEBUG"),
                        Map.of());

        assertThat(config.get(ConfigKeys.BOOTSTRAP_SERVERS)).isEqualTo("localhost:9092");
    }

    @Test
    void missingConfigFile_isRefusedNamingIt() {
        Path missing = dir.resolve("absent.properties");

        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(missing), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("cannot read the configuration file " + missing)
                .hasCauseInstanceOf(IOException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "kafka.bootstrap.servers | kafka.bootstrap.servers (flag --set"
                        + " kafka.bootstrap.servers) duplicates a mailflow key; expected"
                        + " bootstrap.servers instead",
                "kafka.num.stream.threads | kafka.num.stream.threads (flag --set"
                        + " kafka.num.stream.threads) duplicates a mailflow key; expected"
                        + " stream.threads instead",
                "kafka.enable.transactional.statestores | kafka.enable.transactional.statestores"
                        + " (flag --set kafka.enable.transactional.statestores) duplicates a"
                        + " mailflow key; expected state.transactional instead",
                "kafka.sasl.jaas.confg | kafka.sasl.jaas.confg (flag --set kafka.sasl.jaas.confg)"
                        + " is not a config of the Kafka clients",
                "kafka.producer.max.poll.records | kafka.producer.max.poll.records (flag --set"
                        + " kafka.producer.max.poll.records) is not a config of the Kafka clients",
            })
    void misplacedKafkaKey_isRefusedWithoutItsValue(String key, String message) {
        String secret = "password=\"hunter2\";";

        assertThatThrownBy(() -> load(Map.of(), Map.of(key, secret)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(message)
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void kafkaValueTheClientsRefuse_isReportedWithoutPasswords() {
        Map<String, String> flags =
                Map.of(
                        "kafka.security.protocol", "SASL_SSL",
                        "kafka.ssl.key.password", "hunter2",
                        "kafka.max.poll.records", "many");

        assertThatThrownBy(() -> load(Map.of(), flags))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("the Kafka client configs are not accepted")
                .hasMessageContaining("max.poll.records")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void kafkaKeysBehindStreamsClientPrefixes_areAccepted() {
        Map<String, String> flags =
                Map.of(
                        "kafka.main.consumer.max.poll.records", "500",
                        "kafka.restore.consumer.fetch.max.bytes", "1048576",
                        "kafka.topic.min.insync.replicas", "2");

        assertThat(load(Map.of(), flags).kafkaClientConfigs())
                .containsEntry("main.consumer.max.poll.records", "500")
                .containsEntry("topic.min.insync.replicas", "2")
                .hasSize(3);
    }

    /** A RocksDB config setter as a user might bring one. */
    public static final class OwnSetter implements RocksDBConfigSetter {
        @Override
        public void setConfig(String storeName, Options options, Map<String, Object> configs) {}

        @Override
        public void close(String storeName, Options options) {}
    }

    private MailflowConfig load(Map<String, String> env, Map<String, String> flags) {
        return ConfigLoader.load(Optional.empty(), env, flags);
    }

    private Path file(Map<String, String> entries) throws IOException {
        Properties props = new Properties();
        props.putAll(entries);
        Path file = Files.createTempFile(dir, "mailflow", ".properties");
        try (var out = Files.newBufferedWriter(file)) {
            props.store(out, null);
        }
        return file;
    }
}
