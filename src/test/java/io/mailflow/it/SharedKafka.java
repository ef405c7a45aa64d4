package io.mailflow.it;

import io.mailflow.runtime.broker.EmbeddedKafka;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives integration tests one {@link EmbeddedKafka} broker per test JVM. The first test class that
 * asks starts it; it lives in the root context's store, which closes it after the last test. Test
 * methods and constructors declare a {@link KafkaCluster} parameter to receive it.
 *
 * <p>Since the broker is shared, tests name their topics with {@link KafkaCluster#uniqueTopic}.
 */
public final class SharedKafka implements ParameterResolver {
    private static final Namespace NAMESPACE = Namespace.create(SharedKafka.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return cluster(context);
    }

    /** The broker of this JVM, started on first use. */
    static KafkaCluster cluster(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        KafkaCluster.class,
                        type -> new KafkaCluster(EmbeddedKafka.start()),
                        KafkaCluster.class);
    }
}
