package org.racetiming.standings.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Live screens over real HTTP: the snapshot on connect, every change after, heartbeats, and going away. */
class LiveEndpointTest {

    private static final SessionEvents RACE = new SessionEvents("race-1");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DrivenStandings standings;
    private LiveUpdates updates;
    private StandingsHttpServer server;

    @BeforeEach
    void start() {
        standings = new DrivenStandings();
        standings.send(RACE.start("51:HYPERCAR", "8:HYPERCAR"), RACE.lap("51", 1, "3:30.000", "3:30.000"));
        updates = new LiveUpdates(Duration.ofMillis(100));
        server = TestServers.lone(standings.queries(), updates);
    }

    @AfterEach
    void stop() {
        server.close();
        updates.close();
        standings.close();
    }

    @Test
    void shouldSendTheCurrentBoardOnConnectThenEveryChange() throws Exception {
        try (SseProbe screen = new SseProbe(server.port(), "/sessions/race-1/live")) {
            assertThat(screen.status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(5)).until(() -> screen.events("standings").size() == 1);
            assertThat(MAPPER.readTree(screen.events("standings").get(0).data()).get("cars").get(0).get("car").asText())
                    .isEqualTo("51");
            assertThat(screen.events("track-status")).hasSize(1);

            updates.publish("race-1", "standings", "{\"sessionId\":\"race-1\",\"cars\":[]}");

            await().atMost(Duration.ofSeconds(5)).until(() -> screen.events("standings").size() == 2);
            assertThat(screen.events("standings").get(1).data()).isEqualTo("{\"sessionId\":\"race-1\",\"cars\":[]}");
        }
    }

    @Test
    void shouldNotSendAScreenTheChangesOfAnotherSession() {
        try (SseProbe screen = new SseProbe(server.port(), "/sessions/race-1/live")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> screen.events("standings").size() == 1);

            updates.publish("race-2", "standings", "{\"sessionId\":\"race-2\"}");
            updates.publish("race-1", "track-status", "{\"sessionId\":\"race-1\",\"status\":\"RED\"}");

            await().atMost(Duration.ofSeconds(5)).until(() -> screen.events("track-status").size() == 2);
            assertThat(screen.events("standings")).hasSize(1);
        }
    }

    @Test
    void shouldTellAScreenWaitingForASessionThatHasNotStarted() {
        try (SseProbe screen = new SseProbe(server.port(), "/sessions/later-race/live")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> screen.events("waiting").size() == 1);
            assertThat(screen.events("waiting").get(0).data()).contains("later-race");

            updates.publish("later-race", "standings", "{\"sessionId\":\"later-race\"}");

            await().atMost(Duration.ofSeconds(5)).until(() -> screen.events("standings").size() == 1);
        }
    }

    @Test
    void shouldSendHeartbeatsAndForgetAScreenThatWentAway() {
        SseProbe screen = new SseProbe(server.port(), "/sessions/race-1/live");
        await().atMost(Duration.ofSeconds(5)).until(() -> screen.events(":").size() >= 2);
        assertThat(updates.subscribers()).isEqualTo(1);

        screen.close();

        // The next heartbeat fails to write, which ends the stream on the server side.
        await().atMost(Duration.ofSeconds(5)).until(() -> updates.subscribers() == 0);
    }
}
