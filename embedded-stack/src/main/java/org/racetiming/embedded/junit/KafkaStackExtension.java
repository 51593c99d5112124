package org.racetiming.embedded.junit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.racetiming.embedded.StackEndpoints;

/**
 * One Kafka broker and one schema registry per test JVM, shared by every test class that uses this
 * extension, and stopped when the JVM's tests are done (they live in the root store, which closes
 * them). Resolves parameters of type {@link StackEndpoints}.
 *
 * <p>The broker is a Testcontainers {@code apache/kafka} container pinned to the client version when
 * Docker is available, else Kafka's own {@code KafkaClusterTestKit} in process; system property
 * {@value SharedStack#BROKER_PROPERTY} = {@code embedded} or {@code container} forces one. The registry
 * is always an {@link org.racetiming.embedded.EmbeddedSchemaRegistry}.
 */
public final class KafkaStackExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaStackExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        sharedStack(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == StackEndpoints.class;
    }

    @Override
    public StackEndpoints resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return sharedStack(extensionContext).endpoints();
    }

    private static SharedStack sharedStack(ExtensionContext context) {
        // The root store outlives every test class and closes AutoCloseable values at the end of the run;
        // a failed start is remembered there too, so later classes fail fast instead of retrying.
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedStack.class, key -> SharedStack.start(), SharedStack.class);
    }
}
