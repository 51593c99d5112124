package org.racetiming.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.racetiming.embedded.StackEndpoints;
import org.racetiming.embedded.junit.WithKafkaStack;
import org.racetiming.event.LapCompleted;
import org.racetiming.event.TimingEvent;
import org.racetiming.serde.SchemaRegistryClient;

@WithKafkaStack
class TopicsIT {

    private Admin admin;
    private SchemaRegistryClient registry;

    @BeforeEach
    void connect(StackEndpoints stack) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()));
        registry = new SchemaRegistryClient(stack.schemaRegistryUrl());
    }

    @AfterEach
    void disconnect() {
        admin.close(Duration.ofSeconds(5));
        registry.close();
    }

    @Test
    void shouldCreateCompactedOutputTopicsAndKeepTimingEventsForeverOnTheBroker() throws Exception {
        Topics.ensureTopics(admin, 2, (short) 1);

        Map<String, TopicDescription> described = admin.describeTopics(Topics.ALL).allTopicNames().get();
        assertThat(described).containsOnlyKeys(Topics.ALL);
        assertThat(described.values()).allSatisfy(d -> assertThat(d.partitions()).hasSize(2));
        Map<String, Config> configs = configsOf(Topics.ALL);
        for (String output : Topics.COMPACTED) {
            assertThat(configs.get(output).get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                    .as(output).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        assertThat(configs.get(Topics.TIMING_EVENTS).get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
        assertThat(configs.get(Topics.TIMING_EVENTS).get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                .isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
    }

    @Test
    void shouldLeaveExistingTopicsAloneWhenCalledAgain() throws Exception {
        Topics.ensureTopics(admin, 2, (short) 1);
        Topics.ensureTopics(admin);
        Topics.ensureTopics(admin, 5, (short) 1);

        assertThat(admin.describeTopics(List.of(Topics.CAR_GAPS)).allTopicNames().get()
                .get(Topics.CAR_GAPS).partitions()).hasSize(2);
    }

    @Test
    void shouldCarryATimingEventThroughTheBrokerWithTheTopicsSerdes(StackEndpoints stack) throws Exception {
        Topics.ensureTopics(admin, 2, (short) 1);
        Topics topics = new Topics(registry);
        Topic<String, TimingEvent> timingEvents = topics.timingEvents();
        String session = "topics-it-" + System.nanoTime();
        TimingEvent event = TimingEvent.newBuilder()
                .setEventId(session + ":7:1:FL").setSessionId(session).setSessionTimeMs(210_000L)
                .setWallClock(java.time.Instant.parse("2023-06-10T14:03:30Z"))
                .setPayload(LapCompleted.newBuilder().setCar("7").setLap(1).build())
                .build();

        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, TimingEvent> producer = new KafkaProducer<>(producerProps,
                timingEvents.keySerde().serializer(), timingEvents.valueSerde().serializer())) {
            producer.send(timingEvents.record(session, event)).get();
        }

        assertThat(readAll(stack, timingEvents)).anySatisfy(record -> {
            assertThat(record.key()).isEqualTo(session);
            assertThat(record.value()).isEqualTo(event);
        });
    }

    private Map<String, Config> configsOf(List<String> names) throws ExecutionException, InterruptedException {
        List<ConfigResource> resources = names.stream()
                .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
        return admin.describeConfigs(resources).all().get().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue));
    }

    private static <K, V> List<ConsumerRecord<K, V>> readAll(StackEndpoints stack, Topic<K, V> topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(props,
                topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
