package org.racetiming.embedded.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.racetiming.embedded.Probes;
import org.racetiming.embedded.StackEndpoints;

/**
 * Runs two test classes in a JUnit run of their own, so that the sharing between classes and the
 * stop at the end of the run can both be observed from outside.
 */
class KafkaStackExtensionIT {
    private static final List<StackEndpoints> SEEN = new CopyOnWriteArrayList<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void shouldHandTheSameStackToEveryTestClassAndStopItWhenTheRunEnds() throws Exception {
        SEEN.clear();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();

        LauncherFactory.create().execute(request()
                .selectors(selectClass(FirstClassUsingTheStack.class), selectClass(SecondClassUsingTheStack.class))
                .build(), listener);

        TestExecutionSummary summary = listener.getSummary();
        assertThat(summary.getFailures()).as("failures of the inner run")
                .extracting(failure -> failure.getTestIdentifier().getDisplayName() + ": " + failure.getException())
                .isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(3);
        assertThat(SEEN).hasSize(4);
        assertThat(Set.copyOf(SEEN)).hasSize(1);
        StackEndpoints stack = SEEN.get(0);
        assertThat(Probes.accepts(stack.schemaRegistryUrl())).as("registry still running after the run").isFalse();
        assertThat(Probes.accepts(stack.bootstrapServers())).as("broker still running after the run").isFalse();
    }

    @WithKafkaStack
    static class FirstClassUsingTheStack {
        @BeforeAll
        static void setUp(StackEndpoints stack) {
            SEEN.add(stack);
        }

        @Test
        void shouldConsumeAsAGroupFromTheSharedBroker(StackEndpoints stack) {
            SEEN.add(stack);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("extension-it", "session", "lap"));
            }
            List<String> values = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "extension-it",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(Set.of("extension-it"));
                await().atMost(Duration.ofSeconds(20)).until(() -> {
                    consumer.poll(Duration.ofMillis(100)).forEach(record -> values.add(record.value()));
                    return !values.isEmpty();
                });
            }
            assertThat(values).containsExactly("lap");
        }

        @Test
        void shouldReachTheSharedRegistry(StackEndpoints stack) throws Exception {
            SEEN.add(stack);
            HttpResponse<String> config = HTTP.send(HttpRequest.newBuilder(URI.create(stack.schemaRegistryUrl() + "/config")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(config.body()).contains("BACKWARD");
        }
    }

    @WithKafkaStack
    static class SecondClassUsingTheStack {
        @Test
        void shouldGetTheSameEndpoints(StackEndpoints stack) {
            SEEN.add(stack);
        }
    }
}
