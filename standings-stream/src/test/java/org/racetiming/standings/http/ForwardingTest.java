package org.racetiming.standings.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances over real HTTP: the owner holds the session, the front instance holds nothing and is told the
 * owner has it. Queries sent to the front come back with the owner's answer.
 */
class ForwardingTest {

    private static final SessionEvents RACE = new SessionEvents("race-1");
    private static final HostInfo FRONT = new HostInfo("localhost", 1);

    private static DrivenStandings ownerStandings;
    private static DrivenStandings frontStandings;
    private static LiveUpdates updates;
    private static StandingsHttpServer owner;
    private static StandingsHttpServer front;
    private static HostInfo ownerHost;
    private static final AtomicReference<Route> frontRoute = new AtomicReference<>();

    /** Routes as told, and lists itself and the owner as the instances. */
    private static final SessionOwners FRONT_OWNERS = new SessionOwners() {
        @Override
        public HostInfo self() {
            return FRONT;
        }

        @Override
        public Route route(String sessionId, boolean forwarded) {
            return forwarded ? Route.LOCAL : frontRoute.get();
        }

        @Override
        public List<Instance> instances() {
            return List.of(new Instance(FRONT, true, Set.of(), Set.of(), Set.of()),
                    new Instance(ownerHost, false, Set.of(), Set.of(), Set.of()));
        }
    };

    @BeforeAll
    static void startInstances() {
        ownerStandings = new DrivenStandings();
        ownerStandings.send(RACE.start("51:HYPERCAR", "8:HYPERCAR"),
                RACE.lap("51", 1, "3:30.000", "3:30.000"),
                RACE.lap("8", 1, "3:42.600", "3:42.600"));
        frontStandings = new DrivenStandings();
        updates = new LiveUpdates(Duration.ofSeconds(30), new StandingsJson());
        owner = TestServers.lone(ownerStandings.queries(), updates);
        ownerHost = new HostInfo("localhost", owner.port());
        front = TestServers.start(frontStandings.queries(), FRONT_OWNERS, FRONT, updates);
    }

    @BeforeEach
    void routeToTheOwner() {
        frontRoute.set(Route.forward(ownerHost));
    }

    @AfterAll
    static void stopInstances() {
        front.close();
        owner.close();
        updates.close();
        frontStandings.close();
        ownerStandings.close();
    }

    @Test
    void shouldForwardAQueryToTheOwnerAndRelayItsAnswer() {
        HttpProbe.Response response = new HttpProbe(front.port()).get("/sessions/race-1/gap?from=8&to=51");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.servedBy()).isEqualTo("local");
        assertThat(response.json().get("gap").get("text").asText()).isEqualTo("12.600");
    }

    @Test
    void shouldRelayTheOwnersErrorAsItIs() {
        HttpProbe.Response response = new HttpProbe(front.port()).get("/sessions/race-1/cars/99");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("message").asText()).contains("#99");
    }

    @Test
    void shouldAnswerAForwardedRequestItselfInsteadOfForwardingItAgain() {
        HttpProbe.Response response = new HttpProbe(front.port()).get("/sessions/race-1/standings",
                Map.of(RequestForwarder.FORWARDED_BY, "localhost:9"));

        // The front has no events of the session: it answers for itself, with a 404, rather than looping.
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.servedBy()).isEqualTo("localhost:1");
    }

    @Test
    void shouldAnswer502WhenTheOwnerCannotBeReached() {
        frontRoute.set(Route.forward(new HostInfo("localhost", 1)));

        HttpProbe.Response response = new HttpProbe(front.port()).get("/sessions/race-1/standings");

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.json().get("message").asText()).contains("localhost:1").contains("cannot be reached");
    }

    @Test
    void shouldAnswer503WhileNoInstanceOwnsTheSession() {
        frontRoute.set(Route.OWNER_UNKNOWN);

        HttpProbe.Response response = new HttpProbe(front.port()).get("/sessions/race-1/standings");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.json().get("message").asText()).contains("rebalancing");
    }

    @Test
    void shouldListTheSessionsOfEveryInstance() {
        JsonNode sessions = new HttpProbe(front.port()).get("/sessions").json();

        assertThat(sessions.get("sessions")).extracting(s -> s.get("id").asText()).containsExactly("race-1");
        assertThat(sessions.has("unreachable")).isFalse();
    }

    @Test
    void shouldOpenALiveScreenOnAnyInstanceWithTheOwnersCurrentBoard() {
        try (SseProbe screen = new SseProbe(front.port(), "/sessions/race-1/live")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> screen.events("snapshot").size() == 1);

            assertThat(screen.events("snapshot").get(0).data()).contains("\"car\":\"51\"");
            assertThat(screen.events("waiting")).isEmpty();
        }
    }

    @Test
    void shouldDescribeEveryInstance() {
        JsonNode instances = new HttpProbe(front.port()).get("/instances").json();

        assertThat(instances.get("self").asText()).isEqualTo("localhost:1");
        assertThat(instances.get("instances")).extracting(i -> i.get("instance").asText())
                .containsExactly("localhost:1", "localhost:" + owner.port());
        assertThat(instances.get("instances").get(0).get("self").asBoolean()).isTrue();
    }
}
