package io.mailflow.runtime.broker;

import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/** A KRaft broker and controller running on threads of this JVM. */
final class InProcessBroker implements RunningBroker {
    private final KafkaRaftServer server;
    private volatile boolean stopped;

    private InProcessBroker(KafkaRaftServer server) {
        this.server = server;
    }

    /** Starts a broker on formatted storage; returns once its listeners accept connections. */
    static InProcessBroker start(Properties props) {
        KafkaRaftServer server =
                new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        InProcessBroker broker = new InProcessBroker(server);
        try {
            server.startup();
        } catch (RuntimeException e) {
            broker.stop();
            throw e;
        }
        return broker;
    }

    @Override
    public boolean isAlive() {
        return !stopped;
    }

    @Override
    public void stop() {
        stopped = true;
        server.shutdown();
        server.awaitShutdown();
    }

    @Override
    public String diagnostics() {
        return "";
    }
}
