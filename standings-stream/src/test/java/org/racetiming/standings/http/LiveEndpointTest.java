package org.racetiming.standings.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Live screens over real HTTP: the snapshot on connect, deltas after, named heartbeats, and going away. */
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
        updates = new LiveUpdates(Duration.ofMillis(100), new StandingsJson());
        server = TestServers.lone(standings.queries(), updates);
    }

    @AfterEach
    void stop() {
        server.close();
        updates.close();
        standings.close();
    }

    @Test
    void shouldSendASnapshotOnConnectThenOnlyWhatChangedWithTheNextSequenceNumber() throws Exception {
        try (SseProbe screen = new SseProbe(server.port(), "/sessions/race-1/live")) {
            assertThat(screen.status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(5)).until(() -> screen.events("snapshot").size() == 1);
            JsonNode snapshot = MAPPER.readTree(screen.events("snapshot").get(0).data());
            assertThat(snapshot.get("standings").get("cars").get(0).get("car").asText()).isEqualTo("51");
            assertThat(screen.events("track-status")).hasSize(1);

            ObjectNode next = snapshot.get("standings").deepCopy();
            ((ObjectNode) next.get("cars").get(1)).put("laps", 7);
            updates.board("race-1", next, 1234L);

            await().atMost(Duration.ofSeconds(5)).until(() -> screen.events("delta").size() == 1);
            JsonNode delta = MAPPER.readTree(screen.events("delta").get(0).data());
            assertThat(delta.get("seq").asLong()).isEqualTo(snapshot.get("seq").asLong() + 1);
            assertThat(delta.get("eventInMs").asLong()).isEqualTo(1234L);
            assertThat(delta.get("cars").get("8")).isEqualTo(MAPPER.readTree("{\"laps\":7}"));
            assertThat(ScreenReplica.board(screen.events()).orElseThrow()).isEqualTo(next);
        }
    }

    @Test
    void shouldGiveASecondScreenTheBoardTheFirstOneHolds() throws Exception {
        try (SseProbe first = new SseProbe(server.port(), "/sessions/race-1/live")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> first.events("snapshot").size() == 1);
            ObjectNode next = MAPPER.readTree(first.events("snapshot").get(0).data()).get("standings").deepCopy();
            next.put("eventsSeen", 99);
            updates.board("race-1", next, null);
            await().atMost(Duration.ofSeconds(5)).until(() -> first.events("delta").size() == 1);

            try (SseProbe second = new SseProbe(server.port(), "/sessions/race-1/live")) {
                await().atMost(Duration.ofSeconds(5)).until(() -> second.events("snapshot").size() == 1);
                JsonNode snapshot = MAPPER.readTree(second.events("snapshot").get(0).data());
                assertThat(snapshot.get("standings")).isEqualTo(next);
                assertThat(snapshot.get("seq").asLong())
                        .isEqualTo(MAPPER.readTree(first.events("delta").get(0).data()).get("seq").asLong());
            }
        }
    }

    @Test
    void shouldNotSendAScreenTheChangesOfAnotherSession() {
        try (SseProbe screen = new SseProbe(server.port(), "/sessions/race-1/live")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> screen.events("snapshot").size() == 1);

            updates.board("race-2", MAPPER.createObjectNode().put("sessionId", "race-2"), null);
            updates.track("race-1", "{\"sessionId\":\"race-1\",\"status\":\"RED\"}");

            await().atMost(Duration.ofSeconds(5)).until(() -> screen.events("track-status").size() == 2);
            assertThat(screen.events("snapshot")).hasSize(1);
            assertThat(screen.events("delta")).isEmpty();
        }
    }

    @Test
    void shouldTellAScreenWaitingForASessionThatHasNotStartedAndSendItsFirstBoardWhole() {
        try (SseProbe screen = new SseProbe(server.port(), "/sessions/later-race/live")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> screen.events("waiting").size() == 1);
            assertThat(screen.events("waiting").get(0).data()).contains("later-race");

            updates.board("later-race", MAPPER.createObjectNode().put("sessionId", "later-race").set("cars",
                    MAPPER.createArrayNode()), null);

            await().atMost(Duration.ofSeconds(5)).until(() -> screen.events("snapshot").size() == 1);
        }
    }

    /**
     * Screens that stop reading (a phone in a tunnel: its socket buffers fill) must hold no thread and delay no other
     * screen. More stalled screens than there are sender threads, boards far larger than their socket buffers.
     */
    @Test
    void shouldKeepUpdatingAScreenWhileManyOthersStopReading() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try (SseProbe reader = new SseProbe(server.port(), "/sessions/race-1/live")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> reader.events("snapshot").size() == 1);
            ObjectNode board = MAPPER.readTree(reader.events("snapshot").get(0).data()).get("standings").deepCopy();
            for (int i = 0; i < 24; i++) {
                Socket socket = new Socket();
                socket.setReceiveBufferSize(4096);
                socket.connect(new InetSocketAddress("127.0.0.1", server.port()));
                socket.getOutputStream().write(("GET /sessions/race-1/live HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                stalled.add(socket); // never read from
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> updates.subscribers() == 25);

            String bulk = "x".repeat(256 * 1024);
            for (int n = 0; n < 80; n++) {
                board.put("padding", n + bulk); // each board changes a quarter of a megabyte
                updates.board("race-1", board.deepCopy(), null);
            }

            await().atMost(Duration.ofSeconds(20)).until(() -> ScreenReplica.board(reader.events())
                    .map(held -> held.equals(board)).orElse(false));
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    void shouldSendNamedHeartbeatsAndForgetAScreenThatWentAway() {
        SseProbe screen = new SseProbe(server.port(), "/sessions/race-1/live");
        await().atMost(Duration.ofSeconds(5)).until(() -> screen.events("heartbeat").size() >= 2);
        assertThat(screen.events("heartbeat").get(0).data()).contains("serverTimeMs");
        assertThat(updates.subscribers()).isEqualTo(1);

        screen.close();

        // The next heartbeat fails to write, which ends the stream on the server side.
        await().atMost(Duration.ofSeconds(5)).until(() -> updates.subscribers() == 0);
        assertThat(updates.watched("race-1")).as("the channel goes with its last screen").isFalse();
    }
}
