package org.racetiming.standings.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Liveness, readiness and the 503 that queries get while the state is restored. */
class HealthTest {

    private static final SessionEvents RACE = new SessionEvents("race-1");

    private static final AtomicReference<Health.Topology> NOW = new AtomicReference<>();
    private static DrivenStandings standings;
    private static LiveUpdates updates;
    private static StandingsHttpServer server;

    @BeforeAll
    static void startServer() {
        standings = new DrivenStandings();
        standings.send(RACE.start("51:HYPERCAR", "8:HYPERCAR"), RACE.lap("51", 1, "3:30.000", "3:30.000"));
        updates = new LiveUpdates(Duration.ofSeconds(30), new StandingsJson());
        server = TestServers.start(standings.queries(), SessionOwners.single(), null, updates, new Health.Topology() {
            @Override
            public boolean alive() {
                return NOW.get().alive();
            }

            @Override
            public boolean ready() {
                return NOW.get().ready();
            }

            @Override
            public String state() {
                return NOW.get().state();
            }
        });
    }

    @AfterAll
    static void stopServer() {
        server.close();
        updates.close();
        standings.close();
    }

    @Test
    void shouldAnswerQueriesWith503AndRetryAfterWhileTheStateIsRestored() throws Exception {
        NOW.set(TestServers.topology(true, false, "REBALANCING"));

        HttpResponse<String> query = get("/sessions/race-1/standings");
        HttpResponse<String> sessions = get("/sessions");

        assertThat(query.statusCode()).isEqualTo(503);
        assertThat(query.headers().firstValue("Retry-After")).contains(Health.RETRY_AFTER_SECONDS);
        assertThat(query.body()).contains("being restored", "REBALANCING");
        assertThat(sessions.statusCode()).isEqualTo(503);
    }

    @Test
    void shouldBeLiveButNotReadyWhileRestoring() throws Exception {
        NOW.set(TestServers.topology(true, false, "REBALANCING"));

        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.headers().firstValue("Retry-After")).isPresent();
        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"status\":\"STARTING\"", "\"live\":true", "\"ready\":false", "\"topology\":\"REBALANCING\"");
    }

    @Test
    void shouldBeNeitherLiveNorReadyOnceTheTopologyFailed() throws Exception {
        NOW.set(TestServers.topology(false, false, "ERROR"));

        assertThat(get("/health/live").statusCode()).isEqualTo(503);
        assertThat(get("/health/ready").statusCode()).isEqualTo(503);
        assertThat(get("/health").body()).contains("\"status\":\"DOWN\"");
    }

    @Test
    void shouldAnswerQueriesAndSayUpOnceRunning() throws Exception {
        NOW.set(TestServers.RUNNING);

        assertThat(get("/sessions/race-1/standings").statusCode()).isEqualTo(200);
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);
        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"", "\"ready\":true");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return TestServers.CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
