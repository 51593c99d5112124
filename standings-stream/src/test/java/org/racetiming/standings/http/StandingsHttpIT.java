package org.racetiming.standings.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.racetiming.embedded.StackEndpoints;
import org.racetiming.embedded.junit.WithKafkaStack;
import org.racetiming.event.TimingEvent;
import org.racetiming.ingest.publish.EventPublisher;
import org.racetiming.serde.SchemaRegistryClient;
import org.racetiming.standings.StandingsService;
import org.racetiming.time.RaceTime;
import org.racetiming.topics.Topics;

/**
 * The HTTP side on the real broker and registry: events published by the ingest producer, the topology running,
 * queries routed by Kafka Streams' own metadata, and a live screen that sees a crossing within a second.
 */
@WithKafkaStack
class StandingsHttpIT {

    private static final SessionEvents RACE = new SessionEvents("it-race-" + UUID.randomUUID().toString().substring(0, 8));

    private static SchemaRegistryClient registry;
    private static EventPublisher publisher;
    private static StandingsService service;
    private static StandingsHttp http;
    private static HttpProbe probe;

    private static java.nio.file.Path stateDir;

    @BeforeAll
    static void start(StackEndpoints endpoints) throws IOException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.bootstrapServers()))) {
            Topics.ensureTopics(admin);
        }
        int port = freePort();
        String self = "localhost:" + port;
        stateDir = Files.createTempDirectory("standings-http-it");
        service = StandingsService.start(endpoints.bootstrapServers(), endpoints.schemaRegistryUrl(),
                new StandingsService.Options("standings-http-it-" + UUID.randomUUID(), stateDir, Duration.ofMillis(50), self));
        http = StandingsHttp.start(service, endpoints.bootstrapServers(), endpoints.schemaRegistryUrl(),
                StandingsHttp.Settings.onPort(port).withApplicationServer(self));
        registry = new SchemaRegistryClient(endpoints.schemaRegistryUrl());
        publisher = new EventPublisher(endpoints.bootstrapServers(), new Topics(registry));
        probe = new HttpProbe(http.port());
    }

    @AfterAll
    static void stop() throws IOException {
        if (publisher != null) {
            publisher.close();
        }
        if (http != null) {
            http.close();
        }
        if (service != null) {
            service.close();
        }
        if (registry != null) {
            registry.close();
        }
        if (stateDir != null) {
            try (var paths = Files.walk(stateDir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void shouldAnswerTheGapBetweenTwoCarsAndPushACrossingToALiveScreenWithinASecond() throws Exception {
        publish(RACE.start("51:HYPERCAR", "8:HYPERCAR", "31:LMP2"),
                RACE.lap("51", 1, "3:30.000", "3:30.000"),
                RACE.lap("8", 1, "3:42.600", "3:42.600"));

        String gapPath = "/sessions/" + RACE.sessionId() + "/gap?from=51&to=8";
        // Both crossings applied, not just the session known: a 200 can come before #8's lap is in.
        await().atMost(Duration.ofSeconds(20)).until(() -> probe.get(gapPath).status() == 200
                && probe.get(gapPath).json().path("gap").has("ms"));
        JsonNode gap = probe.get(gapPath).json();
        assertThat(gap.get("ahead").asText()).isEqualTo("51");
        assertThat(gap.get("gap").get("text").asText()).isEqualTo("12.600");

        try (SseProbe screen = new SseProbe(http.port(), "/sessions/" + RACE.sessionId() + "/live")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> http.liveFeedReady() && !screen.events("snapshot").isEmpty());

            // Five crossings of the leader, one at a time: each must reach the screen within a second.
            List<Long> latencies = new ArrayList<>();
            for (int lap = 2; lap <= 6; lap++) {
                int expectedLaps = lap;
                long crossed = System.nanoTime();
                publish(RACE.lap("51", lap, RaceTime.formatHms(210_000L * lap), "3:30.000"));

                await().atMost(Duration.ofSeconds(1)).until(() -> leaderLaps(screen) == expectedLaps);
                SseProbe.Event update = ScreenReplica.firstReaching(screen.events(),
                        board -> ScreenReplica.leaderLaps(board) == expectedLaps).orElseThrow();
                latencies.add((update.receivedNanos() - crossed) / 1_000_000);
            }
            // A figure for the team: publish (acks=all) -> topology -> overall-standings -> live feed -> screen.
            System.out.printf(Locale.ROOT, "crossing published -> live screen update, ms: %s%n", latencies);
            assertThat(latencies).allSatisfy(ms -> assertThat(ms).isLessThan(1000));
        }
    }

    @Test
    void shouldAnswerALeadChangeAndAFastestLapAsNotableEvents() throws Exception {
        SessionEvents race = new SessionEvents("it-notable-" + UUID.randomUUID().toString().substring(0, 8));
        publish(race.start("51:HYPERCAR", "8:HYPERCAR"), race.lap("51", 1, "3:30.000", "3:30.000"),
                race.lap("8", 1, "3:31.000", "3:31.000"), race.lap("8", 2, "6:50.000", "3:19.000"));
        String path = "/sessions/" + race.sessionId() + "/notable-events";
        await().atMost(Duration.ofSeconds(20)).until(() -> probe.get(path).status() == 200
                && probe.get(path).json().get("events").size() >= 2);

        JsonNode events = probe.get(path).json().get("events");
        List<String> kinds = new ArrayList<>();
        events.forEach(e -> kinds.add(e.get("kind").asText()));
        assertThat(kinds).contains("LEAD_CHANGE", "FASTEST_LAP");
        JsonNode lead = null;
        for (JsonNode e : events) {
            if (e.get("kind").asText().equals("LEAD_CHANGE")) {
                lead = e;
            }
        }
        assertThat(lead.get("car").asText()).isEqualTo("8");
        assertThat(lead.get("text").asText()).contains("takes the lead from #51 on lap 2");
    }

    @Test
    void shouldRouteByTheTopologysOwnMetadataAndDescribeThisInstance() {
        publish(RACE.start("51:HYPERCAR", "8:HYPERCAR", "31:LMP2"));
        await().atMost(Duration.ofSeconds(20)).until(() -> probe.get("/sessions").json().get("sessions").size() > 0);

        JsonNode instances = probe.get("/instances").json();

        assertThat(instances.get("self").asText()).isEqualTo("localhost:" + http.port());
        assertThat(instances.get("instances")).hasSize(1);
        assertThat(instances.get("instances").get(0).get("self").asBoolean()).isTrue();
        assertThat(instances.get("instances").get(0).get("activePartitions")).extracting(JsonNode::asText)
                .contains(Topics.TIMING_EVENTS + "-0");
        assertThat(probe.get("/sessions/" + RACE.sessionId() + "/track-status").servedBy())
                .isEqualTo("localhost:" + http.port());
    }

    @Test
    void shouldMeasureEventInToStandingsOutAndExposeTheStreamsMetrics() {
        publish(RACE.start("51:HYPERCAR", "8:HYPERCAR", "31:LMP2"), RACE.lap("31", 1, "3:55.000", "3:55.000"));
        await().atMost(Duration.ofSeconds(20)).until(() -> http.liveFeedReady()
                && http.metrics().eventToStandingsTimer().count() > 0);

        String metrics = probe.get("/metrics").body();

        assertThat(metrics).contains("standings_event_to_standings_seconds{quantile=\"0.99\"}")
                .contains("kafka_stream_");
        System.out.printf(Locale.ROOT, "event in -> standings readable: max %.1f ms over %d boards%n",
                http.metrics().eventToStandingsTimer().max(TimeUnit.MILLISECONDS),
                http.metrics().eventToStandingsTimer().count());
    }

    private static void publish(TimingEvent... events) {
        for (var event : events) {
            publisher.publish(event);
        }
        publisher.flush();
    }

    private static int leaderLaps(SseProbe screen) {
        return ScreenReplica.board(screen.events()).map(ScreenReplica::leaderLaps).orElse(0);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
