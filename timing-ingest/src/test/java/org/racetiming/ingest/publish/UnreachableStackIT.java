package org.racetiming.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.racetiming.ingest.TestEvents;
import org.racetiming.ingest.publish.EventPublisher.PublishException;
import org.racetiming.serde.SchemaRegistryClient;
import org.racetiming.topics.Topics;

/** Kafka or the registry at an address where nothing listens: a clear error, in bounded time, never a hang. */
class UnreachableStackIT {

    private static final PublisherSettings QUICK = new PublisherSettings(Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(2), 2, Duration.ofSeconds(1), Duration.ofMillis(200));

    /** A port that was free a moment ago and that nothing listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void shouldReportUnreachableKafkaAfterTheConfiguredTries() throws IOException {
        String address = "127.0.0.1:" + closedPort();
        long started = System.nanoTime();

        assertThatThrownBy(() -> StackCheck.prepareKafka(address, QUICK, 1, (short) 1))
                .isInstanceOf(PublishException.class)
                .hasMessageStartingWith("cannot reach Kafka at " + address + " (2 tries of 1 s)");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void shouldFailAPublishWithAClearErrorWhenKafkaCannotBeReached() throws IOException {
        String address = "127.0.0.1:" + closedPort();
        try (SchemaRegistryClient registry = new SchemaRegistryClient("http://127.0.0.1:" + closedPort())) {
            EventPublisher publisher = new EventPublisher(address, new Topics(registry), QUICK);

            assertThat(publisher.send(TestEvents.start("s")))
                    .failsWithin(Duration.ofSeconds(10))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .withMessageContaining("not present in metadata after 1000 ms");
            publisher.publish(TestEvents.start("s"));
            assertThatThrownBy(publisher::close).isInstanceOf(PublishException.class).hasMessageStartingWith("could not publish to Kafka");
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void shouldReportAnUnreachableRegistryWithItsAddress() throws IOException {
        String url = "http://127.0.0.1:" + closedPort();
        SchemaRegistryClient.Settings quick = SchemaRegistryClient.Settings.defaults().withMaxAttempts(2).withInitialBackoff(Duration.ofMillis(100));
        try (SchemaRegistryClient registry = new SchemaRegistryClient(url, quick)) {
            assertThatThrownBy(() -> StackCheck.requireRegistry(registry, new Topics(registry)))
                    .isInstanceOf(PublishException.class)
                    .hasMessageStartingWith("cannot use the schema registry at " + url);
        }
    }
}
