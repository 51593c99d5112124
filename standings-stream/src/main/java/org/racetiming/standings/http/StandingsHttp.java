package org.racetiming.standings.http;

import java.net.http.HttpClient;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;
import org.racetiming.serde.SchemaRegistryClient;
import org.racetiming.standings.StandingsService;
import org.racetiming.topics.Topics;

/**
 * The HTTP side of a running {@link StandingsService}: the server, the live feed that drives its streams, the
 * metrics, and the one HTTP client used to reach the other instances. Start it right after launching the service
 * (it answers 503 until the topology runs); close it before.
 */
public final class StandingsHttp implements AutoCloseable {

    public static final int DEFAULT_PORT = 8080;

    /**
     * @param host the address to listen on; null for every interface
     * @param port the port to listen on (0: any free one)
     * @param applicationServer this instance as the others reach it, the service's {@code application.server};
     *     null for a lone instance that answers every query itself
     * @param heartbeat how often live screens get a heartbeat: the page calls its data stale after a few missed ones
     */
    public record Settings(String host, int port, HostInfo applicationServer, Duration heartbeat, Duration forwardTimeout) {

        /** Listening on every interface. */
        public static Settings onPort(int port) {
            return new Settings(null, port, null, Duration.ofSeconds(2), Duration.ofSeconds(10));
        }

        /** Listening on one address only, e.g. 127.0.0.1 (the demo, a benchmark); null for every interface. */
        public Settings onHost(String address) {
            return new Settings(address, port, applicationServer, heartbeat, forwardTimeout);
        }

        /** {@code hostPort} like "standings-1:8080"; null or blank for none. */
        public Settings withApplicationServer(String hostPort) {
            HostInfo server = hostPort == null || hostPort.isBlank() ? null : HostInfo.buildFromEndpoint(hostPort.strip());
            return new Settings(host, port, server, heartbeat, forwardTimeout);
        }

        public Settings withHeartbeat(Duration every) {
            return new Settings(host, port, applicationServer, every, forwardTimeout);
        }
    }

    private final SchemaRegistryClient registry;
    private final StandingsMetrics metrics;
    private final LiveUpdates updates;
    private final StandingsFeed feed;
    private final StandingsHttpServer server;

    private StandingsHttp(SchemaRegistryClient registry, StandingsMetrics metrics, LiveUpdates updates,
                          StandingsFeed feed, StandingsHttpServer server) {
        this.registry = registry;
        this.metrics = metrics;
        this.updates = updates;
        this.feed = feed;
        this.server = server;
    }

    public static StandingsHttp start(StandingsService service, String bootstrapServers, String schemaRegistryUrl,
                                      Settings settings) {
        SchemaRegistryClient registry = new SchemaRegistryClient(schemaRegistryUrl);
        StandingsMetrics metrics = new StandingsMetrics();
        StandingsJson json = new StandingsJson();
        LiveUpdates updates = new LiveUpdates(settings.heartbeat(), json);
        StandingsFeed feed = null;
        try {
            metrics.bindStreams(service.streams());
            feed = StandingsFeed.start(bootstrapServers, new Topics(registry), updates, json, metrics);
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(3))
                    .build();
            RequestForwarder forwarder = new RequestForwarder(client, settings.applicationServer(), settings.forwardTimeout());
            StandingsHttpServer server = new StandingsHttpServer(service.queries(),
                    SessionOwners.of(service.streams(), settings.applicationServer()), forwarder, updates, json, metrics,
                    Health.of(service), settings.host(), settings.port());
            return new StandingsHttp(registry, metrics, updates, feed, server);
        } catch (RuntimeException e) {
            if (feed != null) {
                feed.close();
            }
            updates.close();
            metrics.close();
            registry.close();
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    /** True once live screens get every change (the live feed reads all partitions). */
    public boolean liveFeedReady() {
        return feed.ready();
    }

    public StandingsMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        server.close();
        feed.close();
        updates.close();
        metrics.close();
        registry.close();
    }
}
