package org.racetiming.cli;

import org.racetiming.embedded.StackEndpoints;
import org.racetiming.embedded.TimingStack;
import org.racetiming.ingest.publish.PublisherSettings;
import org.racetiming.ingest.publish.StackCheck;
import org.racetiming.serde.SchemaRegistryClient;
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

    private static Pipeline connect(TimingStack owned, StackEndpoints endpoints) {
        StackCheck.prepareKafka(endpoints.bootstrapServers(), PublisherSettings.defaults(), 1, (short) 1);
        SchemaRegistryClient registry = new SchemaRegistryClient(endpoints.schemaRegistryUrl());
        Topics topics = new Topics(registry);
        try {
            StackCheck.requireRegistry(registry, topics);
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
        return new Pipeline(owned, endpoints, registry, topics);
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

    @Override
    public void close() {
        registry.close();
        if (stack != null) {
            stack.close();
        }
    }
}
