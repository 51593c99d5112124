package org.racetiming.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the {@code timing} command runs against: an external Kafka and registry when
 * {@value #BOOTSTRAP_ENV} / {@value #REGISTRY_ENV} are set (each independently), else embedded ones,
 * started in parallel. {@link #close()} stops only what this stack started.
 */
public final class TimingStack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TimingStack.class);
    public static final String BOOTSTRAP_ENV = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String REGISTRY_ENV = "SCHEMA_REGISTRY_URL";

    private final StackEndpoints endpoints;
    private final EmbeddedKafkaBroker broker;
    private final EmbeddedSchemaRegistry registry;
    private final AtomicBoolean closed = new AtomicBoolean();

    private TimingStack(StackEndpoints endpoints, EmbeddedKafkaBroker broker, EmbeddedSchemaRegistry registry) {
        this.endpoints = endpoints;
        this.broker = broker;
        this.registry = registry;
    }

    /** Reads {@value #BOOTSTRAP_ENV} and {@value #REGISTRY_ENV} from the process environment. */
    public static TimingStack start() {
        return start(System.getenv());
    }

    /** Like {@link #start()}, with the given environment (blank values count as unset). */
    public static TimingStack start(Map<String, String> env) {
        Optional<String> externalKafka = setting(env, BOOTSTRAP_ENV);
        Optional<String> externalRegistry = setting(env, REGISTRY_ENV).map(TimingStack::withoutTrailingSlash);
        return start(externalKafka, externalRegistry, EmbeddedKafkaBroker::start, EmbeddedSchemaRegistry::start);
    }

    /** An embedded broker and registry, whatever the environment says; their data go when they stop. */
    public static TimingStack startEmbedded() {
        return start(Optional.empty(), Optional.empty(), EmbeddedKafkaBroker::start, EmbeddedSchemaRegistry::start);
    }

    /**
     * An embedded broker and registry whose data stay in {@code dataDir} ({@code kafka/}, {@code registry/}) on the
     * ports saved there, so that a restart finds the data, the schemas with their ids, and the same addresses.
     */
    public static TimingStack startPersistent(Path dataDir) {
        SavedPorts ports = SavedPorts.in(dataDir);
        return start(Optional.empty(), Optional.empty(),
                () -> EmbeddedKafkaBroker.startPersistent(dataDir.resolve("kafka"), ports.broker(), ports.controller()),
                () -> EmbeddedSchemaRegistry.startPersistent(dataDir.resolve("registry"), ports.registry()));
    }

    private static TimingStack start(Optional<String> externalKafka, Optional<String> externalRegistry,
                                     Supplier<EmbeddedKafkaBroker> brokerStart,
                                     Supplier<EmbeddedSchemaRegistry> registryStart) {
        long started = System.nanoTime();
        ExecutorService starter = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "timing-stack-start");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture<EmbeddedKafkaBroker> broker = externalKafka.isPresent()
                    ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.supplyAsync(brokerStart, starter);
            CompletableFuture<EmbeddedSchemaRegistry> registry = externalRegistry.isPresent()
                    ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.supplyAsync(registryStart, starter);
            EmbeddedKafkaBroker startedBroker = join(broker, registry);
            EmbeddedSchemaRegistry startedRegistry = join(registry, broker);
            StackEndpoints endpoints = new StackEndpoints(
                    externalKafka.orElseGet(() -> startedBroker.bootstrapServers()),
                    externalRegistry.orElseGet(() -> startedRegistry.url()));
            LOG.info("Timing stack ready in {} ms: Kafka {} ({}), schema registry {} ({})",
                    (System.nanoTime() - started) / 1_000_000,
                    endpoints.bootstrapServers(), startedBroker != null ? "embedded" : "external",
                    endpoints.schemaRegistryUrl(), startedRegistry != null ? "embedded" : "external");
            return new TimingStack(endpoints, startedBroker, startedRegistry);
        } finally {
            starter.shutdown();
        }
    }

    /** Waits for one start; if it failed, waits for the other and closes it, so nothing is left running. */
    private static <T> T join(CompletableFuture<T> mine, CompletableFuture<? extends AutoCloseable> other) {
        try {
            return mine.join();
        } catch (CompletionException e) {
            closeQuietly(other);
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static void closeQuietly(CompletableFuture<? extends AutoCloseable> future) {
        try {
            AutoCloseable resource = future.join();
            if (resource != null) {
                resource.close();
            }
        } catch (Exception e) {
            LOG.debug("while cleaning up after a failed start", e);
        }
    }

    private static Optional<String> setting(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public StackEndpoints endpoints() {
        return endpoints;
    }

    /** True when this stack started a broker or a registry of its own (and so must be closed). */
    public boolean embedded() {
        return broker != null || registry != null;
    }

    public boolean brokerEmbedded() {
        return broker != null;
    }

    public boolean registryEmbedded() {
        return registry != null;
    }

    /** True when stopping will wait for the embedded registry to save its class-data archive (its first run). */
    public boolean savesClassArchiveOnStop() {
        return registry != null && registry.savesClassArchiveOnStop();
    }

    /** Stops what this stack started, broker and registry at the same time; later calls do nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (AutoCloseable resource : new AutoCloseable[] {registry, broker}) {
            if (resource != null) {
                stops.add(CompletableFuture.runAsync(() -> closeUnchecked(resource), runnable -> {
                    Thread thread = new Thread(runnable, "timing-stack-stop");
                    thread.start();
                }));
            }
        }
        RuntimeException failure = null;
        for (CompletableFuture<Void> stop : stops) {
            try {
                stop.join();
            } catch (CompletionException e) {
                if (failure == null) {
                    failure = new IllegalStateException("could not stop the timing stack cleanly", e.getCause());
                } else {
                    failure.addSuppressed(e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void closeUnchecked(AutoCloseable resource) {
        try {
            resource.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
