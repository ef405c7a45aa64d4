package io.mailflow.runtime.config;

/**
 * Writes {@code docs/configuration.md} from the key definitions, so that the page cannot drift from
 * the code; a test compares the two.
 */
public final class ConfigDoc {
    private ConfigDoc() {}

    /** The whole page, in Markdown. */
    public static String markdown() {
        StringBuilder page = new StringBuilder();
        page.append(INTRODUCTION);
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            appendKey(page, key);
        }
        return page.toString();
    }

    private static void appendKey(StringBuilder page, ConfigKey<?> key) {
        page.append("\n### `").append(key.name()).append("`\n\n");
        page.append(key.doc()).append("\n\n");
        page.append("| default | expected | environment | flag |\n");
        page.append("|---|---|---|---|\n");
        page.append("| ")
                .append(key.defaultDescription())
                .append(" | ")
                .append(key.expected())
                .append(" | `")
                .append(key.envName())
                .append("` | `")
                .append(key.flagName())
                .append("` |\n");
    }

    private static final String INTRODUCTION =
            """
            # Configuration of `mailflow run`

            <!-- Generated from ConfigKeys by ConfigDoc; ConfigurationDocTest fails when this page
                 and the code disagree. Regenerate it with:
                 mvn -q test -Dtest=ConfigurationDocTest -Dmailflow.docs.write=true -->

            `mailflow run` takes each key below from the first of these that sets it:

            1. its command-line flag: `--` and the key with dots as dashes (`--hold-window 72h`),
               or `--set KEY=VALUE` for any key;
            2. its environment variable: `MAILFLOW_` and the key in upper case with dots as
               underscores (`MAILFLOW_HOLD_WINDOW=72h`);
            3. the properties file named by `--config FILE`, or else by the `MAILFLOW_CONFIG`
               variable (`hold.window=72h`);
            4. its default.

            Every value is checked at start-up. A bad one stops `mailflow run` with a message that
            names the key, where the value came from, the value and what was expected; unknown keys
            in the file or the flags are errors too. `mailflow run --help` lists the same keys.

            ## Kafka client configs

            A key starting with `kafka.` goes to the Kafka clients (Streams, producer, consumer,
            admin) with that prefix removed, so that security settings pass through untouched:

            ```properties
            kafka.security.protocol=SASL_SSL
            kafka.sasl.mechanism=SCRAM-SHA-512
            kafka.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule \\
                required username="mailflow" password="...";
            kafka.ssl.truststore.location=/etc/mailflow/truststore.jks
            ```

            Kafka Streams' client prefixes work behind it (`kafka.producer.linger.ms`,
            `kafka.main.consumer.max.poll.records`, `kafka.topic.min.insync.replicas`). In the
            environment, `MAILFLOW_KAFKA_SASL_MECHANISM` sets `kafka.sasl.mechanism`. The name must
            be a config of the Kafka clients, and the configs that mailflow sets from its own keys
            (`bootstrap.servers`, `application.id`, `state.dir`, `enable.transactional.statestores`,
            `processing.guarantee`, `num.stream.threads`, `replication.factor`) are refused there.
            The values of password configs, such as `kafka.sasl.jaas.config`, never appear in
            mailflow's messages.

            ## Keys
            """;
}
