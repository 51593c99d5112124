package org.racetiming.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.racetiming.embedded.StackEndpoints;
import org.racetiming.embedded.junit.WithKafkaStack;
import org.racetiming.event.TimingEvent;

@WithKafkaStack
class RegistryUnavailableIT {

    private static final SchemaRegistryClient.Settings SMALL_BUDGET = SchemaRegistryClient.Settings.defaults()
            .withMaxAttempts(3)
            .withInitialBackoff(Duration.ofMillis(20))
            .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2));

    @Test
    void shouldGiveUpWithAClearErrorAfterBoundedRetriesWhenNothingListens() throws IOException {
        String url = "http://127.0.0.1:" + closedPort();
        try (SchemaRegistryClient client = new SchemaRegistryClient(url, SMALL_BUDGET)) {
            long started = System.nanoTime();

            assertThatThrownBy(() -> client.register("t-value", TimingEvent.getClassSchema()))
                    .isInstanceOf(SchemaRegistryException.class)
                    .hasMessageStartingWith("Schema registry at " + url + " is not reachable (")
                    .hasMessageContaining("ConnectException")
                    .hasMessageNotContaining("null")
                    .hasMessageContaining("after 3 attempt(s)")
                    .hasMessageContaining("check that it is running")
                    .satisfies(e -> assertThat(((SchemaRegistryException) e).httpStatus())
                            .isEqualTo(SchemaRegistryException.NO_STATUS));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(client.requestsSent()).isEqualTo(3);
        }
    }

    @Test
    void shouldLetTheRegistryErrorThroughTheSerdeUnwrapped() throws IOException {
        try (SchemaRegistryClient client = new SchemaRegistryClient("http://127.0.0.1:" + closedPort(), SMALL_BUDGET)) {
            AvroSerde<TimingEvent> serde = new AvroSerde<>(client, TimingEvent.class, false);

            assertThatThrownBy(() -> serde.serializer().serialize("timing-events", SampleEvents.lap("s", "7", 1, 1L)))
                    .isInstanceOf(SchemaRegistryException.class)
                    .hasMessageContaining("is not reachable");
        }
    }

    @Test
    void shouldPointAtTheApiRootWhenTheUrlLacksTheCompatibilityPath(StackEndpoints stack) {
        String root = stack.schemaRegistryUrl().replace("/apis/ccompat/v7", "");
        try (SchemaRegistryClient client = new SchemaRegistryClient(root, SMALL_BUDGET)) {
            assertThatThrownBy(() -> client.schemaById(1))
                    .isInstanceOf(SchemaRegistryException.class)
                    .hasMessageContaining("answered HTTP 404 to GET /schemas/ids/1")
                    .hasMessageContaining("root of a Confluent-compatible API")
                    .hasMessageNotContaining("has no schema");
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
