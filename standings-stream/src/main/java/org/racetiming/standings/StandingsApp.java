package org.racetiming.standings;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.racetiming.standings.http.StandingsHttp;
import org.racetiming.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deployed standings instance: the topology, its HTTP API, live streams and page, configured from the
 * environment ({@link StandingsAppConfig}). HTTP starts with the topology, not after it: while the state is
 * restored (for as long as that takes) queries get 503 with Retry-After and {@code /health/ready} says not ready,
 * instead of connections being refused. Runs until SIGTERM (closing HTTP first, then the topology, leaving its
 * group so that the other instances take its sessions over at once), or until the topology dies (exit code 1, for
 * the orchestrator to restart it).
 */
public final class StandingsApp {

    private static final Logger LOG = LoggerFactory.getLogger(StandingsApp.class);

    private StandingsApp() {
    }

    public static void main(String[] args) {
        StandingsAppConfig config;
        try {
            config = StandingsAppConfig.fromEnv(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("standings: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(config));
    }

    /** Runs the instance until a shutdown signal or the topology's death; returns the process exit code. */
    static int run(StandingsAppConfig config) {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                closed.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "standings-shutdown"));
        try {
            ensureTopics(config);
            StandingsService.Options options = new StandingsService.Options(config.applicationId(), config.stateDir(),
                    Duration.ofMillis(50), config.applicationServer(), config.standbyReplicas());
            // Closed in reverse: HTTP first, then the topology, which leaves its group on close.
            try (StandingsService service = StandingsService.launch(config.bootstrapServers(), config.schemaRegistryUrl(), options);
                 StandingsHttp http = StandingsHttp.start(service, config.bootstrapServers(), config.schemaRegistryUrl(),
                         StandingsHttp.Settings.onPort(config.httpPort()).onHost(config.httpHost())
                                 .withApplicationServer(config.applicationServer()))) {
                LOG.info("standings instance {} serving http://0.0.0.0:{}/ (Kafka {}, registry {})",
                        config.applicationServer() == null ? "(lone)" : config.applicationServer(), http.port(),
                        config.bootstrapServers(), config.schemaRegistryUrl());
                return serveUntilStopped(service, stop);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (RuntimeException e) {
            LOG.error("standings instance failed: {}", e.getMessage(), e);
            return 1;
        } finally {
            closed.countDown();
        }
    }

    private static int serveUntilStopped(StandingsService service, CountDownLatch stop) throws InterruptedException {
        while (!stop.await(1, TimeUnit.SECONDS)) {
            if (!service.alive()) {
                LOG.error("the standings topology stopped (state {}); exiting", service.streams().state());
                return 1;
            }
        }
        LOG.info("shutting down");
        return 0;
    }

    private static void ensureTopics(StandingsAppConfig config) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()))) {
            Topics.ensureTopics(admin, config.topicPartitions(), config.topicReplication());
        }
    }
}
