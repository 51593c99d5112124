package org.racetiming.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.racetiming.embedded.StackEndpoints;
import org.racetiming.embedded.junit.WithKafkaStack;
import org.racetiming.event.TimingEvent;
import org.racetiming.ingest.replay.SessionEventsReader;
import org.racetiming.serde.SchemaRegistryClient;
import org.racetiming.topics.Topics;

/** The service as IngestApp runs it, configured from environment variables, on the real broker and registry. */
@WithKafkaStack
class IngestServiceIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void shouldServeFromTheEnvironmentsSettingsAndStopListeningWhenClosed(StackEndpoints stack) throws Exception {
        IngestConfig config = IngestConfig.fromEnv(Map.of(
                IngestConfig.BOOTSTRAP_ENV, stack.bootstrapServers(),
                IngestConfig.REGISTRY_ENV, stack.schemaRegistryUrl(),
                IngestConfig.TOKEN_ENV, "service-it",
                IngestConfig.PORT_ENV, "0"));
        String session = "service-it-" + System.nanoTime();
        int port;
        try (IngestService service = IngestService.start(config)) {
            port = service.port();
            HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sessions/" + session + "/events"))
                    .header("Authorization", "Bearer service-it")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"SESSION_STARTED\",\"entries\":[{\"car\":\"51\",\"class\":\"HYPERCAR\"}]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(posted.statusCode()).isEqualTo(202);
            assertThat(health.statusCode()).isEqualTo(200);
        }

        Assertions.assertThatThrownBy(() -> HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
        try (SchemaRegistryClient registry = new SchemaRegistryClient(stack.schemaRegistryUrl())) {
            List<TimingEvent> events = new SessionEventsReader(stack.bootstrapServers(), new Topics(registry).timingEvents(),
                    Duration.ofSeconds(30)).read(session, SessionEventsReader.Scope.KEY_PARTITION);
            assertThat(events).extracting(TimingEvent::getEventId).containsExactly("start");
        }
    }
}
