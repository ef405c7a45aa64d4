package io.mailflow.runtime.broker;

import io.mailflow.runtime.WorkDirectories;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker, KRaft mode, broker and controller in one node, listening on free
 * ports of 127.0.0.1 and keeping its data in a temporary directory that {@link #close()} deletes.
 * {@code replay} runs the pipeline on it, and the integration tests share one per JVM.
 *
 * <p>By default the broker runs on threads of this JVM. {@link Mode#CHILD_JVM} starts it as a
 * separate {@code java} process instead; the system property {@value #MODE_PROPERTY} ({@code
 * in-process} or {@code child-jvm}) chooses the mode when the builder is not told.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
 *     Map<String, Object> config = Map.of("bootstrap.servers", kafka.bootstrapServers());
 * }
 * }</pre>
 */
public final class EmbeddedKafka implements AutoCloseable {
    /** Names the default {@link Mode}: {@code in-process} or {@code child-jvm}. */
    public static final String MODE_PROPERTY = "mailflow.embedded.kafka.mode";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    /** Where the broker runs. */
    public enum Mode {
        /** On threads of this JVM: fastest to start, shares this JVM's heap. */
        IN_PROCESS,
        /** In a child {@code java} process with this JVM's classpath, stopped by SIGTERM. */
        CHILD_JVM;

        /** The mode named by {@value #MODE_PROPERTY}, in-process when unset. */
        static Mode fromSystemProperty() {
            String value = System.getProperty(MODE_PROPERTY, "in-process");
            for (Mode mode : values()) {
                if (mode.propertyValue().equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return mode;
                }
            }
            throw new IllegalArgumentException(
                    MODE_PROPERTY + " is '" + value + "'; expected in-process or child-jvm");
        }

        String propertyValue() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Mode mode;
    private final Path directory;
    private final String bootstrapServers;
    private final RunningBroker broker;
    private final Duration startDuration;
    private final Thread shutdownHook;
    private boolean closed;

    private EmbeddedKafka(
            Mode mode,
            Path directory,
            String bootstrapServers,
            RunningBroker broker,
            Duration startDuration,
            boolean stopOnShutdown) {
        this.mode = mode;
        this.directory = directory;
        this.bootstrapServers = bootstrapServers;
        this.broker = broker;
        this.startDuration = startDuration;
        this.shutdownHook =
                stopOnShutdown ? new Thread(this::close, "embedded-kafka-shutdown") : null;
        if (shutdownHook != null) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    /** Starts a broker with the defaults and returns once it serves clients. */
    public static EmbeddedKafka start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The {@code bootstrap.servers} of this broker, {@code 127.0.0.1:<port>}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Mode mode() {
        return mode;
    }

    /** How long it took from the call to {@link Builder#start()} until a client saw the node. */
    public Duration startDuration() {
        return startDuration;
    }

    /** Stops the broker and deletes its data. Calling it again does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        removeShutdownHook();
        long began = System.nanoTime();
        broker.stop();
        WorkDirectories.deleteQuietly(directory);
        LOG.debug(
                "Embedded Kafka broker stopped in {} ms",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
    }

    private void removeShutdownHook() {
        if (shutdownHook == null || Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or about to; close() is idempotent, so nothing more to do.
        }
    }

    /** Chooses how the broker starts; every setting has a working default. */
    public static final class Builder {
        private Mode mode;
        private Duration startTimeout = Duration.ofSeconds(60);
        private boolean stopOnShutdown = true;
        private final Map<String, String> brokerProperties = new LinkedHashMap<>();

        private Builder() {}

        /** Where the broker runs; {@value #MODE_PROPERTY} decides when this is not called. */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode can't be null");
            return this;
        }

        /** Sets one broker property, overriding mailflow's choice for it. */
        public Builder brokerProperty(String key, String value) {
            brokerProperties.put(
                    Objects.requireNonNull(key, "key can't be null"),
                    Objects.requireNonNull(value, "value can't be null"));
            return this;
        }

        /**
         * Whether the broker stops and deletes its data by itself when the JVM shuts down; true by
         * default. The JVM runs its shutdown hooks at the same time, in no set order, so an owner
         * that stops the broker's clients in a hook of its own turns this off and closes the broker
         * after them: otherwise the broker may go first, and the clients' last commit with it.
         */
        public Builder stopOnShutdown(boolean stop) {
            this.stopOnShutdown = stop;
            return this;
        }

        /** How long to wait for the broker before giving up; one minute by default. */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = Objects.requireNonNull(timeout, "timeout can't be null");
            return this;
        }

        /**
         * Formats storage in a new temporary directory, starts the broker and waits until a client
         * sees its node.
         *
         * @throws IllegalStateException if formatting fails or the broker is not ready within the
         *     start timeout; the temporary directory is deleted then
         */
        public EmbeddedKafka start() {
            Mode chosen = mode != null ? mode : Mode.fromSystemProperty();
            long began = System.nanoTime();
            Path directory = createTempDirectory();
            try {
                return launch(chosen, directory, began);
            } catch (RuntimeException e) {
                WorkDirectories.deleteQuietly(directory);
                throw e;
            }
        }

        private EmbeddedKafka launch(Mode chosen, Path directory, long began) {
            int brokerPort = BrokerProperties.freePort();
            int controllerPort = BrokerProperties.freePort();
            Properties props =
                    BrokerProperties.of(
                            brokerPort,
                            controllerPort,
                            directory.resolve("data"),
                            brokerProperties);
            Path propertiesFile =
                    BrokerProperties.write(props, directory.resolve("server.properties"));
            formatStorage(propertiesFile);

            String bootstrap = BrokerProperties.HOST + ":" + brokerPort;
            RunningBroker broker =
                    chosen == Mode.IN_PROCESS
                            ? InProcessBroker.start(props)
                            : ChildJvmBroker.start(propertiesFile, directory.resolve("broker.log"));
            try {
                awaitReady(bootstrap, broker, startTimeout);
            } catch (RuntimeException e) {
                broker.stop();
                throw e;
            }
            Duration took = Duration.ofNanos(System.nanoTime() - began);
            LOG.debug(
                    "Embedded Kafka broker ({}) ready in {} ms",
                    chosen.propertyValue(),
                    took.toMillis());
            return new EmbeddedKafka(chosen, directory, bootstrap, broker, took, stopOnShutdown);
        }
    }

    /** Writes the cluster id and the single-voter quorum into the log directory. */
    private static void formatStorage(Path propertiesFile) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        String[] args = {
            "format",
            "-t",
            Uuid.randomUuid().toString(),
            "-c",
            propertiesFile.toString(),
            "--standalone"
        };
        int status;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            status = StorageTool.execute(args, out);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "cannot format broker storage with " + propertiesFile + ": " + output, e);
        }
        if (status != 0) {
            throw new IllegalStateException(
                    "formatting broker storage with "
                            + propertiesFile
                            + " exited "
                            + status
                            + ": "
                            + output);
        }
    }

    /**
     * Waits for the listener first so that the admin client does not log connection failures while
     * a child JVM is still loading, then until the cluster lists a node.
     */
    private static void awaitReady(String bootstrap, RunningBroker broker, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        awaitListener(bootstrap, broker, deadline);
        try (Admin admin = Admin.create(probeConfig(bootstrap))) {
            while (!listsANode(admin, deadline)) {
                checkProgress(bootstrap, broker, deadline);
                sleep();
            }
        }
    }

    private static boolean listsANode(Admin admin, long deadline) {
        long remaining = Math.max(1, deadline - System.nanoTime());
        try {
            return !admin.describeCluster().nodes().get(remaining, TimeUnit.NANOSECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            // Not ready yet; the caller decides from the deadline whether to wait on.
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
    }

    private static void awaitListener(String bootstrap, RunningBroker broker, long deadline) {
        int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        while (!accepts(port)) {
            checkProgress(bootstrap, broker, deadline);
            sleep();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(BrokerProperties.HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void checkProgress(String bootstrap, RunningBroker broker, long deadline) {
        if (!broker.isAlive()) {
            throw new IllegalStateException(
                    "Kafka broker for "
                            + bootstrap
                            + " stopped while starting. "
                            + broker.diagnostics());
        }
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException(
                    "Kafka broker on "
                            + bootstrap
                            + " was not ready in time. "
                            + broker.diagnostics());
        }
    }

    private static Map<String, Object> probeConfig(String bootstrap) {
        return Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "mailflow-embedded-kafka-probe",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                10000);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("mailflow-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the embedded broker", e);
        }
    }
}
