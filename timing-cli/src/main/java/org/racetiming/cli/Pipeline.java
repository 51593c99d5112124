package org.racetiming.cli;

import java.util.Set;
import org.racetiming.embedded.StackEndpoints;
import org.racetiming.embedded.TimingStack;
import org.racetiming.ingest.publish.PublisherSettings;
import org.racetiming.ingest.publish.StackCheck;
import org.racetiming.serde.SchemaRegistryClient;
import org.racetiming.topics.TopicLayout;
import org.racetiming.topics.Topics;

/**
 * What every command runs on: Kafka and the schema registry (embedded, or external from the
 * environment), both checked within bounded tries, the topics created, and one registry client.
 */
final class Pipeline implements AutoCloseable {

    private final TimingStack stack;
    private final StackEndpoints endpoints;
    private final SchemaRegistryClient registry;
    private final Topics topics;

    private Pipeline(TimingStack stack, StackEndpoints endpoints, SchemaRegistryClient registry, Topics topics) {
        this.stack = stack;
        this.endpoints = endpoints;
        this.registry = registry;
        this.topics = topics;
    }

    /** Starts the embedded stack, or connects to the one KAFKA_BOOTSTRAP_SERVERS / SCHEMA_REGISTRY_URL name. */
    static Pipeline start() {
        TimingStack stack = TimingStack.start();
        try {
            Log.info("%s Kafka at %s, registry at %s", stack.embedded() ? "embedded" : "external",
                    stack.endpoints().bootstrapServers(), stack.endpoints().schemaRegistryUrl());
            return connect(stack, stack.endpoints());
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** Uses a stack that someone else runs (and closes). */
    static Pipeline connect(StackEndpoints endpoints) {
        return connect(null, endpoints);
    }

    /** Levels under which events written with today's schemas stay readable after a schema change. */
    private static final Set<String> SAFE_COMPATIBILITY = Set.of("BACKWARD", "BACKWARD_TRANSITIVE", "FULL", "FULL_TRANSITIVE");

    private static Pipeline connect(TimingStack owned, StackEndpoints endpoints) {
        // Missing topics get the cluster's partitions and replication: on a single embedded broker 1 and 1, on a
        // real cluster what its operator chose.
        StackCheck.prepareKafka(endpoints.bootstrapServers(), PublisherSettings.defaults(), TopicLayout.clusterDefaults());
        SchemaRegistryClient registry = new SchemaRegistryClient(endpoints.schemaRegistryUrl());
        Topics topics = new Topics(registry);
        try {
            StackCheck.requireRegistry(registry, topics);
            if (owned == null || !owned.registryEmbedded()) {
                warnUnlessBackward(registry);
            }
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
        return new Pipeline(owned, endpoints, registry, topics);
    }

    /**
     * An external registry is someone else's to configure: we say what is unsafe rather than change it (the
     * embedded one is set to BACKWARD when it starts).
     */
    private static void warnUnlessBackward(SchemaRegistryClient registry) {
        String level;
        try {
            level = registry.compatibility();
        } catch (RuntimeException e) {
            Log.info("warning: could not read the compatibility level of the registry at %s (%s)", registry.baseUrl(), e.getMessage());
            return;
        }
        if (!SAFE_COMPATIBILITY.contains(level)) {
            Log.info("warning: the schema registry at %s uses compatibility %s: a schema change could make stored events "
                    + "unreadable; set BACKWARD: curl -X PUT -H 'Content-Type: application/json' -d '{\"compatibility\":\"BACKWARD\"}' %s/config",
                    registry.baseUrl(), level, registry.baseUrl());
        }
    }

    StackEndpoints endpoints() {
        return endpoints;
    }

    String bootstrapServers() {
        return endpoints.bootstrapServers();
    }

    Topics topics() {
        return topics;
    }

    /** Says why a stop takes longer than usual, before it does. */
    static void sayWhatTheStopWaitsFor(TimingStack stack) {
        if (stack != null && stack.savesClassArchiveOnStop()) {
            Log.info("first run: saving the registry's class-data archive, so that later starts are faster (a few seconds)");
        }
    }

    @Override
    public void close() {
        sayWhatTheStopWaitsFor(stack);
        TimingProcess.closeUninterrupted(() -> {
            registry.close();
            if (stack != null) {
                stack.close();
            }
        });
    }
}
