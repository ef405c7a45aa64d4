package io.mailflow.runtime.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** The configuration of a single-node KRaft broker that is its own controller, on 127.0.0.1. */
final class BrokerProperties {
    static final String HOST = "127.0.0.1";
    static final String BROKER_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    /** Small but valid: the broker refuses segments under 1 MiB. */
    private static final String SEGMENT_BYTES = String.valueOf(8 * 1024 * 1024);

    private BrokerProperties() {}

    /**
     * Builds the properties of a broker listening on {@code brokerPort} whose controller listens on
     * {@code controllerPort}, keeping its data under {@code dataDir}. {@code overrides} win.
     */
    static Properties of(
            int brokerPort, int controllerPort, Path dataDir, Map<String, String> overrides) {
        Properties props = new Properties();
        putIdentity(props, brokerPort, controllerPort, dataDir);
        putSingleNodeReplication(props);
        putTestFriendlySizes(props);
        props.putAll(overrides);
        return props;
    }

    private static void putIdentity(
            Properties props, int brokerPort, int controllerPort, Path dataDir) {
        String broker = BROKER_LISTENER + "://" + HOST + ":" + brokerPort;
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put(
                "listeners",
                broker + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        props.put("advertised.listeners", broker);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", BROKER_LISTENER);
        props.put(
                "listener.security.protocol.map",
                BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("controller.quorum.bootstrap.servers", HOST + ":" + controllerPort);
        props.put("log.dirs", dataDir.toString());
    }

    /** With one node, every internal topic must make do with one replica. */
    private static void putSingleNodeReplication(Properties props) {
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        // A test's consumer group must not wait for members that will never come.
        props.put("group.initial.rebalance.delay.ms", "0");
        // Topics appear only when provisioned, so a missing topic fails loudly instead.
        props.put("auto.create.topics.enable", "false");
    }

    /**
     * The defaults suit a production broker with 50-partition internal topics and a 128 MB cleaner
     * buffer; an embedded broker shares a small machine with the pipeline it serves.
     */
    private static void putTestFriendlySizes(Properties props) {
        props.put("log.cleaner.dedupe.buffer.size", "8388608");
        props.put("log.segment.bytes", SEGMENT_BYTES);
        props.put("log.index.size.max.bytes", "1048576");
        props.put("offsets.topic.num.partitions", "4");
        props.put("offsets.topic.segment.bytes", SEGMENT_BYTES);
        props.put("transaction.state.log.num.partitions", "4");
        props.put("transaction.state.log.segment.bytes", SEGMENT_BYTES);
        props.put("share.coordinator.state.topic.num.partitions", "1");
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "4");
    }

    /** Writes {@code props} as a properties file, the form {@code kafka.Kafka} reads. */
    static Path write(Properties props, Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            props.store(out, "single-node KRaft broker written by mailflow");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write broker properties " + file, e);
        }
    }

    /**
     * A port nobody listens on right now. Another process could take it before the broker binds it;
     * the window is a few milliseconds, which is acceptable for a single-node test broker.
     */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on " + HOST, e);
        }
    }
}
