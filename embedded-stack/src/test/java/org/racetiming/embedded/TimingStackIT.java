package org.racetiming.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimingStackIT {

    @Test
    void shouldStartAnEmbeddedBrokerAndRegistryWhenNothingIsConfiguredAndStopThemOnClose() throws Exception {
        TimingStack stack = TimingStack.start(Map.of(TimingStack.BOOTSTRAP_ENV, " ", TimingStack.REGISTRY_ENV, ""));
        StackEndpoints endpoints = stack.endpoints();
        try {
            assertThat(stack.embedded()).isTrue();
            assertThat(stack.brokerEmbedded()).isTrue();
            assertThat(stack.registryEmbedded()).isTrue();
            assertThat(clusterNodes(endpoints.bootstrapServers())).isEqualTo(1);
            assertThat(Registry.get(endpoints.schemaRegistryUrl() + "/subjects").statusCode()).isEqualTo(200);
        } finally {
            stack.close();
        }

        assertThat(Probes.accepts(endpoints.schemaRegistryUrl())).isFalse();
        assertThat(Probes.accepts(endpoints.bootstrapServers())).isFalse();
        stack.close();
    }

    @Test
    void shouldStartOnlyABrokerWhenOnlyTheRegistryIsExternal() throws Exception {
        try (TimingStack stack = TimingStack.start(Map.of(TimingStack.REGISTRY_ENV, "http://registry.example:8081/apis/ccompat/v7"))) {

            assertThat(stack.brokerEmbedded()).isTrue();
            assertThat(stack.registryEmbedded()).isFalse();
            assertThat(stack.endpoints().schemaRegistryUrl()).isEqualTo("http://registry.example:8081/apis/ccompat/v7");
            assertThat(clusterNodes(stack.endpoints().bootstrapServers())).isEqualTo(1);
        }
    }

    @Test
    void shouldKeepRecordsSchemaIdsAndAddressesAcrossARestartWithADataDirectory(@TempDir Path dataDir) throws Exception {
        StackEndpoints first;
        String schemaId;
        try (TimingStack stack = TimingStack.startPersistent(dataDir)) {
            first = stack.endpoints();
            HttpResponse<String> registered = Registry.post(first.schemaRegistryUrl() + "/subjects/laps-value/versions",
                    Registry.schemaBody("{\"type\":\"record\",\"name\":\"Lap\",\"fields\":[{\"name\":\"car\",\"type\":\"string\"}]}"));
            assertThat(registered.statusCode()).isEqualTo(200);
            schemaId = registered.body().replaceAll("\\D", "");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, first.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("kept", "lm23", "lap 1")).get(30, TimeUnit.SECONDS);
            }
        }

        try (TimingStack stack = TimingStack.startPersistent(dataDir)) {
            assertThat(stack.endpoints()).isEqualTo(first);
            assertThat(Registry.get(first.schemaRegistryUrl() + "/schemas/ids/" + schemaId).body()).contains("Lap");
            assertThat(Registry.get(first.schemaRegistryUrl() + "/config").body()).contains("BACKWARD");
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, first.bootstrapServers()), new StringDeserializer(), new StringDeserializer())) {
                TopicPartition partition = new TopicPartition("kept", 0);
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                List<String> values = new ArrayList<>();
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
                    return !values.isEmpty();
                });
                assertThat(values).containsExactly("lap 1");
            }
        }
    }

    private static int clusterNodes(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size();
        }
    }
}
