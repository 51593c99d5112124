package org.racetiming.standings.http;

import java.net.http.HttpClient;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;
import org.racetiming.standings.query.StandingsQueries;

/** HTTP servers under test, built from their parts as {@link StandingsHttp} builds them, on free ports. */
final class TestServers {

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private TestServers() {
    }

    static StandingsHttpServer start(StandingsQueries queries, SessionOwners owners, HostInfo self, LiveUpdates updates) {
        return start(queries, owners, self, updates, RUNNING);
    }

    static StandingsHttpServer start(StandingsQueries queries, SessionOwners owners, HostInfo self, LiveUpdates updates,
                                     Health.Topology topology) {
        return new StandingsHttpServer(queries, owners, new RequestForwarder(CLIENT, self, Duration.ofSeconds(5)), updates,
                new StandingsJson(), new StandingsMetrics(), new Health(topology), null, 0);
    }

    /** A lone instance on a given port (to start it again where a page expects it). */
    static StandingsHttpServer lone(StandingsQueries queries, LiveUpdates updates, int port) {
        return new StandingsHttpServer(queries, SessionOwners.single(), new RequestForwarder(CLIENT, null, Duration.ofSeconds(5)),
                updates, new StandingsJson(), new StandingsMetrics(), new Health(RUNNING), "127.0.0.1", port);
    }

    /** A topology that has restored its state and runs. */
    static final Health.Topology RUNNING = topology(true, true, "RUNNING");

    static Health.Topology topology(boolean alive, boolean ready, String state) {
        return new Health.Topology() {
            @Override
            public boolean alive() {
                return alive;
            }

            @Override
            public boolean ready() {
                return ready;
            }

            @Override
            public String state() {
                return state;
            }
        };
    }

    static StandingsHttpServer lone(StandingsQueries queries, LiveUpdates updates) {
        return start(queries, SessionOwners.single(), null, updates);
    }
}
